package mesoslab.inventory;

import mesoslab.common.Var;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import mesoslab.common.InvalidInputException;
import mesoslab.common.SourceLocation;
import mesoslab.yaml.YamlLoader;
import mesoslab.yaml.YamlMap;
import mesoslab.yaml.YamlNode;

/**
 * Reads {@code group_vars/NAME} and {@code host_vars/NAME} as Ansible does: a file named
 * {@code NAME}, {@code NAME.yml}, {@code NAME.yaml} or {@code NAME.json}, or a folder
 * {@code NAME/} whose files are read in name order.
 */
public final class VarFilesReader {
    private static final List<String> EXTENSIONS = List.of("", ".yml", ".yaml", ".json");
    private final Path basedir;

    public VarFilesReader(Path basedir) {
        this.basedir = basedir;
    }

    /** For each name that has files under {@code dir}, the files in load order. */
    public Map<String, List<VarFile>> read(String dir, Set<String> names) {
        Map<String, List<VarFile>> result = new LinkedHashMap<>();
        Path folder = basedir.resolve(dir);
        if (!Files.isDirectory(folder)) {
            return result;
        }
        for (String name : names) {
            List<VarFile> files = new ArrayList<>();
            Path sub = folder.resolve(name);
            if (Files.isDirectory(sub)) {
                for (Path file : filesBelow(sub)) {
                    files.add(readFile(file));
                }
            } else {
                for (String ext : EXTENSIONS) {
                    Path file = folder.resolve(name + ext);
                    if (Files.isRegularFile(file)) {
                        files.add(readFile(file));
                    }
                }
            }
            if (!files.isEmpty()) {
                result.put(name, files);
            }
        }
        return result;
    }

    private static List<Path> filesBelow(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        int dot = n.lastIndexOf('.');
                        return dot < 0 || EXTENSIONS.contains(n.substring(dot));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.file(dir), "cannot list the folder: " + e.getMessage(),
                    "Check its permissions");
        }
    }

    /** Reads one variables file; it must hold a mapping (or nothing). */
    public static VarFile readFile(Path file) {
        YamlNode root = YamlLoader.load(file);
        Map<String, Var> vars = new LinkedHashMap<>();
        if (root instanceof YamlMap map) {
            map.entries().values().forEach(e -> vars.put(e.key(), new Var(e.value() == null ? null : e.value().toPlain(), e.keyLocation())));
        } else if (root != null && !(root instanceof mesoslab.yaml.YamlScalar s && s.isNull())) {
            throw new InvalidInputException(root.location(),
                    "a variables file must hold a mapping of 'name: value' pairs, not " + root.kind(),
                    "Write one 'name: value' per line at the top level of the file");
        }
        return new VarFile(file, vars);
    }
}
