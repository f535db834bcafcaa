package mesoslab.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mesoslab.transport.local.LocalConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalConnectionTest {
    @TempDir
    Path dir;
    final Connection connection = new LocalConnection("local1");

    @Test
    void argvReachesTheProgramUnchangedWithoutAShell() {
        List<String> tricky = List.of("a b", "it's", "$HOME", "\"q\"", "back\\slash", "new\nline", "*", "");
        CommandResult r = connection.exec(Command.argv(List.of("printf", "[%s]")).withEnv(Map.of()));
        assertThat(r.stdout()).isEqualTo("[]");
        List<String> argv = new java.util.ArrayList<>(List.of("printf", "[%s]"));
        argv.addAll(tricky);
        assertThat(connection.exec(Command.argv(argv)).stdout())
                .isEqualTo("[a b][it's][$HOME][\"q\"][back\\slash][new\nline][*][]");
    }

    @Test
    void sameArgvThroughTheShellLineGivesTheSameResult() {
        List<String> argv = List.of("printf", "[%s]", "a b", "it's", "$HOME", "x;y");
        Command viaShell = Command.shell(Command.argv(argv).toShellLine());
        assertThat(connection.exec(viaShell).stdout()).isEqualTo("[a b][it's][$HOME][x;y]");
    }

    @Test
    void envCwdAndExitCodes() {
        CommandResult r = connection.exec(Command.shell("echo \"$GREETING\" $(pwd); exit 3")
                .withEnv(Map.of("GREETING", "hi there")).inDir(dir.toString()));
        assertThat(r.rc()).isEqualTo(3);
        assertThat(r.stdout().strip()).isEqualTo("hi there " + dir);
        assertThat(connection.exec(Command.argv("sh", "-c", "echo $X >&2").withEnv(Map.of("X", "err"))).stderr()).isEqualTo("err\n");
    }

    @Test
    void aCommandPastItsTimeoutIsKilled() {
        long start = System.nanoTime();
        CommandResult r = connection.exec(Command.argv("sleep", "30").withTimeout(Duration.ofMillis(300)));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.ok()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void stdinIsPassedThrough() {
        assertThat(connection.exec(Command.argv("cat").withStdin("piped".getBytes())).stdout()).isEqualTo("piped");
    }

    @Test
    void putIsAtomicSetsTheModeAndLeavesNoTemporaryFiles() throws Exception {
        Path target = dir.resolve("file.cfg");
        byte[] big = new byte[5 * 1024 * 1024];
        new java.util.Random(1).nextBytes(big);
        connection.put(big, target.toString(), "0640", Become.NONE);
        assertThat(Files.readAllBytes(target)).isEqualTo(big);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
        connection.put("small".getBytes(), target.toString(), null, Become.NONE);
        assertThat(Files.readString(target)).isEqualTo("small");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("file.cfg");
        }
        assertThat(connection.fetch(target.toString(), Become.NONE)).isEqualTo("small".getBytes());
    }

    @Test
    void putIntoAMissingFolderFailsWithTheReason() {
        assertThatThrownBy(() -> connection.put("x".getBytes(), dir.resolve("nope/f").toString(), null, Become.NONE))
                .isInstanceOf(TransportException.class).hasMessageContaining("cannot write");
    }

    @Test
    void quotingHandlesEveryCharacter() {
        assertThat(ShellQuoting.quote("simple-1.2/x")).isEqualTo("simple-1.2/x");
        assertThat(ShellQuoting.quote("it's")).isEqualTo("'it'\"'\"'s'");
        assertThat(ShellQuoting.quote("")).isEqualTo("''");
        assertThat(Command.argv("id").as(Become.as("zk", null)).toShellLine()).isEqualTo("sudo -n -H -u zk -- /usr/bin/env id");
    }
}
