package mesoslab.standin.bigip.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import mesoslab.standin.http.Json;

/**
 * The configuration on disk, as BIG-IP keeps its running config across a reboot. Every write goes
 * to a temporary file in the same folder and is renamed over the old one, so a crash mid-write
 * leaves the previous configuration, never half of the new one.
 */
public final class StateFile {
    private final Path file;

    public StateFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /** The stored configuration, or {@code null} when the file does not exist yet. */
    public Config load() throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return Config.fromJson(Json.MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new IOException("cannot read the BIG-IP state file " + file + ": " + e.getMessage(), e);
        }
    }

    public void save(Config config) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), config.toJson());
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the BIG-IP state file " + file, e);
        }
    }
}
