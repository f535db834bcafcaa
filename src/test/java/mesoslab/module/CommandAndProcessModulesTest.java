package mesoslab.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mesoslab.module.builtin.CommandModule;
import mesoslab.module.builtin.DaemonModule;
import mesoslab.module.builtin.FileModule;
import mesoslab.module.builtin.SlurpModule;
import mesoslab.module.builtin.StatModule;
import mesoslab.module.builtin.WaitForModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandAndProcessModulesTest {
    @TempDir
    Path dir;

    @Test
    void commandRunsAnArgvWithoutAShellAndShellRunsAShell() {
        ModuleHarness h = ModuleHarness.in(dir);
        ModuleResult cmd = h.run(new CommandModule(false), Map.of("_raw_params", "echo $HOME | wc"));
        assertThat(cmd.data().get("stdout")).isEqualTo("$HOME | wc");
        assertThat(cmd.changed()).isTrue();
        ModuleResult sh = h.run(new CommandModule(true), Map.of("_raw_params", "printf 'a\\nb\\n' | wc -l"));
        assertThat(sh.data().get("stdout")).isEqualTo("2");
        assertThat(sh.data().get("stdout_lines")).isEqualTo(List.of("2"));
    }

    @Test
    void nonZeroExitFailsWithRcAndStderr() {
        ModuleResult r = ModuleHarness.in(dir).run(new CommandModule(true), Map.of("_raw_params", "echo oops >&2; exit 4"));
        assertThat(r.failed()).isTrue();
        assertThat(r.data()).containsEntry("rc", 4).containsEntry("stderr", "oops");
    }

    @Test
    void createsAndRemovesSkipTheCommandAndCheckModeDoesNotRunIt() throws Exception {
        ModuleHarness h = ModuleHarness.in(dir);
        Path marker = dir.resolve("marker");
        ModuleResult check = h.run(new CommandModule(true), Map.of("_raw_params", "touch " + marker), true, false);
        assertThat(Files.exists(marker)).isFalse();
        assertThat(check.changed()).isTrue();
        h.run(new CommandModule(true), Map.of("_raw_params", "touch " + marker, "creates", marker.toString()));
        assertThat(Files.exists(marker)).isTrue();
        ModuleResult again = h.run(new CommandModule(true), Map.of("_raw_params", "rm " + marker, "creates", marker.toString()));
        assertThat(again.changed()).isFalse();
        assertThat(Files.exists(marker)).isTrue();
    }

    @Test
    void statAndSlurpReportWithoutChanging() throws Exception {
        Files.writeString(dir.resolve("f"), "data");
        ModuleHarness h = ModuleHarness.in(dir);
        ModuleResult stat = h.run(new StatModule(), Map.of("path", dir.resolve("f").toString()));
        assertThat(stat.changed()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) stat.data().get("stat");
        assertThat(s).containsEntry("exists", true).containsEntry("isreg", true).containsEntry("size", 4L);
        assertThat(h.run(new StatModule(), Map.of("path", dir.resolve("nope").toString())).data().get("stat"))
                .isEqualTo(Map.of("exists", false));
        assertThat(h.run(new SlurpModule(), Map.of("src", dir.resolve("f").toString())).data()).containsEntry("content", "ZGF0YQ==");
    }

    @Test
    void fileModuleMakesLinksAndRemovesIdempotently() throws Exception {
        ModuleHarness h = ModuleHarness.in(dir);
        Map<String, Object> link = Map.of("path", dir.resolve("current").toString(), "src", "/opt/x-1.0", "state", "link");
        assertThat(h.run(new FileModule(), link).changed()).isTrue();
        assertThat(Files.readSymbolicLink(dir.resolve("current")).toString()).isEqualTo("/opt/x-1.0");
        assertThat(h.run(new FileModule(), link).changed()).isFalse();
        Map<String, Object> absent = Map.of("path", dir.resolve("current").toString(), "state", "absent");
        assertThat(h.run(new FileModule(), absent).changed()).isTrue();
        assertThat(h.run(new FileModule(), absent).changed()).isFalse();
    }

    @Test
    void daemonStartsOnceStaysOkRestartsOnANewCommandAndStops() throws Exception {
        ModuleHarness h = ModuleHarness.in(dir);
        String pidfile = dir.resolve("run/sleeper.pid").toString();
        Map<String, Object> args = Map.of("pidfile", pidfile, "cmd", "sleep 300", "startup_check", 0);
        ModuleResult started = h.run(new DaemonModule(), args);
        assertThat(started.changed()).as(String.valueOf(started.msg())).isTrue();
        long pid = ((Number) started.data().get("pid")).longValue();
        try {
            assertThat(ProcessHandle.of(pid)).isPresent();
            assertThat(h.run(new DaemonModule(), args).changed()).isFalse();
            ModuleResult replaced = h.run(new DaemonModule(), Map.of("pidfile", pidfile, "cmd", "sleep 301", "startup_check", 0));
            assertThat(replaced.changed()).isTrue();
            long newPid = ((Number) replaced.data().get("pid")).longValue();
            assertThat(newPid).isNotEqualTo(pid);
            assertThat(gone(pid)).isTrue();
            pid = newPid;
            ModuleResult stopped = h.run(new DaemonModule(), Map.of("pidfile", pidfile, "cmd", "sleep 301", "state", "stopped"));
            assertThat(stopped.changed()).isTrue();
            long gone = pid;
            assertThat(gone(gone)).isTrue();
            assertThat(h.run(new DaemonModule(), Map.of("pidfile", pidfile, "cmd", "sleep 301", "state", "stopped")).changed()).isFalse();
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Dead: no such process, or a zombie its (reaping) parent has not collected yet. */
    private static boolean gone(long pid) throws Exception {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return true;
        }
        try {
            return Files.readAllLines(status).stream().anyMatch(l -> l.matches("State:\\s*Z.*"));
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        }
    }

    @Test
    void daemonThatDiesAtOnceFailsWithItsLog() {
        ModuleResult r = ModuleHarness.in(dir).run(new DaemonModule(), Map.of("pidfile", dir.resolve("bad.pid").toString(),
                "cmd", "sh -c 'echo cannot bind >&2; exit 1'"));
        assertThat(r.failed()).isTrue();
        assertThat(r.msg()).contains("did not stay up").contains("cannot bind");
    }

    @Test
    void waitForSeesAPortOpenAndTimesOutWithWhatItAwaited() throws Exception {
        ModuleHarness h = ModuleHarness.in(dir);
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            ModuleResult up = h.run(new WaitForModule(), Map.of("port", server.getLocalPort(), "timeout", 5));
            assertThat(up.failed()).as(String.valueOf(up.msg())).isFalse();
        }
        ModuleResult down = h.run(new WaitForModule(), Map.of("path", dir.resolve("never").toString(), "timeout", 1));
        assertThat(down.failed()).isTrue();
        assertThat(down.msg()).isEqualTo("timed out after 1 s waiting for " + dir.resolve("never") + " to exist");
    }
}
