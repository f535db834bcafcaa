package mesoslab.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class MachineToolsTest {
    @TempDir
    Path bin;

    @Test
    void aProgramOnThePathIsFound() throws Exception {
        Path tool = Files.createFile(bin.resolve("tool"));
        assertThat(tool.toFile().setExecutable(true)).isTrue();

        assertThat(MachineTools.requireInCi("tool", "pkg", Map.of("PATH", "/nonexistent:" + bin, "CI", "true"))).isEqualTo(tool);
    }

    @Test
    void aMissingProgramSkipsTheTestOutsideCi() {
        assertThatThrownBy(() -> MachineTools.requireInCi("tool", "pkg", Map.of("PATH", bin.toString())))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("'tool' is not on PATH (Debian package pkg)");
    }

    @Test
    void aMissingProgramFailsTheTestWhenCiIsTrue() {
        assertThatThrownBy(() -> MachineTools.requireInCi("tool", "pkg", Map.of("PATH", bin.toString(), "CI", "true")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("CI=true");
    }

    @Test
    void aFileThatIsNotExecutableDoesNotCount() throws Exception {
        Files.createFile(bin.resolve("tool"));

        assertThat(MachineTools.onPath("tool", bin.toString())).isEmpty();
    }
}
