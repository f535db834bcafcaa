package mesoslab.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes inventory files into a test's temporary folder. */
public final class TempInventory {
    private final Path root;

    public TempInventory(Path root) {
        this.root = root;
    }

    public TempInventory file(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path(String relative) {
        return root.resolve(relative);
    }

    public Inventory load(String relative) {
        return InventoryLoader.load(root.resolve(relative));
    }
}
