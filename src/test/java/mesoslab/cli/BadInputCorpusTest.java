package mesoslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad input (fixtures/bad/): each folder plants one mistake. Every case must exit
 * 2 with exactly its golden one-paragraph message (expected.txt), name file:line:col where the
 * mistake is in a file, print nothing on stdout and never a stack trace.
 *
 * <p>To re-record the golden files after a deliberate message change, run with
 * {@code -Dmesoslab.record=true} and review the diff.
 */
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/fixtures/bad");
    private static final boolean RECORD = Boolean.getBoolean("mesoslab.record");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoWithItsGoldenOneParagraphMessage(Path dir) throws IOException {
        List<String> args = new ObjectMapper().readValue(dir.resolve("args.txt").toFile(), new TypeReference<List<String>>() {});
        List<String> resolved = new ArrayList<>();
        for (String arg : args) {
            boolean path = arg.endsWith(".yml") || arg.endsWith(".txt");
            resolved.add(path ? (arg.startsWith("@") ? "@" + dir.toAbsolutePath().resolve(arg.substring(1)) : dir.toAbsolutePath().resolve(arg).toString()) : arg);
        }
        CliRunner.Result r = new CliRunner(Map.of("MESOSLAB_HOME", dir.toAbsolutePath().toString())).run(resolved.toArray(String[]::new));
        String err = r.err().replace(dir.toAbsolutePath() + "/", "").replace(dir + "/", "")
                .replace(dir.toAbsolutePath().toString(), ".").replace(dir.toString(), ".");
        if (RECORD) {
            Files.writeString(dir.resolve("expected.txt"), err);
        }
        assertThat(r.code()).as(err).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(err).startsWith("error: ").endsWith("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err.strip().lines().count()).as("one paragraph").isEqualTo(1);
        if (!Files.exists(dir.resolve("no-location"))) {
            assertThat(err).containsPattern("\\S+:\\d+:\\d+");
        }
        assertThat(err).isEqualTo(Files.readString(dir.resolve("expected.txt")));
    }

    @Test
    void theCorpusHasAtLeastFortyCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(40);
    }
}
