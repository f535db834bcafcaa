package mesoslab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of DESIGN.md section 3, checked by scanning every main source file for
 * references to other mesoslab packages (imports and fully qualified names alike).
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/mesoslab");
    private static final Pattern REFERENCE = Pattern.compile("\\bmesoslab\\.([a-z]+)\\.");

    /** For each top-level package, the other mesoslab packages it may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("common", Set.of()),
            Map.entry("yaml", Set.of("common")),
            Map.entry("inventory", Set.of("common", "yaml")),
            Map.entry("playbook", Set.of("common", "yaml")),
            Map.entry("vars", Set.of("common", "yaml", "inventory", "playbook")),
            Map.entry("template", Set.of("common")),
            Map.entry("plan", Set.of("common", "yaml", "inventory", "playbook", "vars", "template")),
            Map.entry("transport", Set.of("common")),
            Map.entry("module", Set.of("common", "playbook", "transport", "template")),
            Map.entry("executor", Set.of("common", "yaml", "inventory", "playbook", "vars", "template", "plan", "module",
                    "transport", "events")),
            Map.entry("events", Set.of("common")),
            Map.entry("output", Set.of("common", "events")),
            Map.entry("verify", Set.of("common")),
            Map.entry("stack", Set.of("common", "verify", "module", "transport")),
            Map.entry("standin", Set.of()),
            Map.entry("lab", Set.of("common", "transport")),
            Map.entry("cli", Set.of("*")));

    @Test
    void packagesDependOnlyAlongTheDesignedArrows() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file).getName(0).toString();
                if (pkg.endsWith(".java")) {
                    continue;
                }
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(file + ": package '" + pkg + "' is not in DESIGN.md's layout (add it to this test deliberately)");
                    continue;
                }
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !allowed.contains("*") && !allowed.contains(used)) {
                        violations.add(file + ": " + pkg + " -> " + used);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void nothingDependsOnTheCli() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !MAIN.relativize(p).getName(0).toString().equals("cli"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("mesoslab.cli.");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }
}
