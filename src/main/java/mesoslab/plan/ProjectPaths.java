package mesoslab.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a playbook's companions are: {@code templates/} and {@code defaults/} are looked up next
 * to the playbook, then one folder up (the project layout: playbooks/ beside templates/), then in
 * mesoslab's home.
 */
public record ProjectPaths(Path playbookDir, Path home) {

    public Path templates() {
        return firstDir("templates");
    }

    /**
     * Files under the nearest defaults/ folder (the playbook's own, its parent's, or mesoslab's
     * playbooks/defaults/), in name order: the lowest-precedence variables.
     */
    public List<Path> defaultsFiles() {
        Path dir = playbookDir.resolve("defaults");
        for (Path candidate : List.of(playbookDir.resolve("defaults"), playbookDir.resolve("..").resolve("defaults").normalize(),
                home.resolve("playbooks").resolve("defaults"))) {
            if (Files.isDirectory(candidate)) {
                dir = candidate;
                break;
            }
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return files;
    }

    private Path firstDir(String name) {
        for (Path candidate : List.of(playbookDir.resolve(name), playbookDir.resolve("..").resolve(name).normalize(),
                home.resolve(name))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return playbookDir.resolve("..").resolve(name).normalize();
    }
}
