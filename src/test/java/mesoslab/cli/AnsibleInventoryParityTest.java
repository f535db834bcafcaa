package mesoslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code mesoslab inventory} prints exactly what {@code ansible-inventory} 2.14 prints for the
 * same inventory. The expected files were produced by the real ansible-inventory (see
 * fixtures/good/README.md and regenerate.sh).
 */
class AnsibleInventoryParityTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/good/inventories");

    /** One comparison: the fixture folder, the mesoslab arguments after -i, the expected file. */
    record Case(Path fixture, List<String> args, Path expected) {
        @Override
        public String toString() {
            return fixture.getFileName() + " " + String.join(" ", args);
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path expected : files.sorted().toList()) {
                        String name = expected.getFileName().toString();
                        if (name.equals("expected-list.json")) {
                            cases.add(new Case(dir, List.of("--list"), expected));
                        } else if (name.equals("expected-graph.txt")) {
                            cases.add(new Case(dir, List.of("--graph"), expected));
                        } else if (name.equals("expected-graph-vars.txt")) {
                            cases.add(new Case(dir, List.of("--graph", "--vars"), expected));
                        } else if (name.startsWith("expected-graph-") && name.endsWith(".txt")) {
                            String group = name.substring("expected-graph-".length(), name.length() - 4);
                            cases.add(new Case(dir, List.of("--graph", group), expected));
                        } else if (name.startsWith("expected-host-") && name.endsWith(".json")) {
                            String host = name.substring("expected-host-".length(), name.length() - 5);
                            cases.add(new Case(dir, List.of("--host", host), expected));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsWhatAnsibleInventoryPrints(Case c) throws IOException {
        String inventoryArg = Files.readString(c.fixture().resolve("inventory-arg.txt")).strip();
        List<String> args = new ArrayList<>(List.of("inventory", "-i", c.fixture().resolve(inventoryArg).toString()));
        args.addAll(c.args());
        CliRunner.Result result = new CliRunner(java.util.Map.of()).run(args.toArray(String[]::new));
        // Ansible's own warnings (expected-stderr.txt) are not part of the comparison; mesoslab prints none.
        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo(Files.readString(c.expected()));
    }

    @Test
    void theCorpusCoversAtLeastFifteenInventories() throws IOException {
        assertThat(cases().map(Case::fixture).distinct().count()).isGreaterThanOrEqualTo(15);
    }
}
