package mesoslab.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mesoslab.module.builtin.SystemdModule;
import mesoslab.transport.FileState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code systemd}/{@code service} against a systemctl stand-in that keeps unit state in files
 * (systemd cannot be PID 1 here): it changes only what differs, says so truthfully, and changes
 * nothing in check mode.
 */
class SystemdModuleTest {
    @TempDir
    Path dir;
    Path systemctl;
    SystemdModule systemd;

    @BeforeEach
    void unit() throws Exception {
        systemctl = dir.resolve("bin/systemctl");
        Files.createDirectories(systemctl.getParent().resolve("units/zookeeper"));
        try (InputStream in = getClass().getResourceAsStream("systemctl-standin.sh")) {
            Files.write(systemctl, in.readAllBytes());
        }
        systemctl.toFile().setExecutable(true);
        Files.writeString(unitFile("active"), "inactive\n");
        Files.writeString(unitFile("enabled"), "disabled\n");
        systemd = new SystemdModule("systemd", systemctl.toString());
    }

    private Path unitFile(String name) {
        return systemctl.getParent().resolve("units/zookeeper/" + name);
    }

    private List<String> calls() throws Exception {
        Path log = systemctl.getParent().resolve("calls.log");
        List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
        Files.deleteIfExists(log);
        return calls;
    }

    private ModuleResult run(Map<String, Object> args) {
        return ModuleHarness.in(dir).run(systemd, args);
    }

    @Test
    void startsAndEnablesAStoppedUnitThenReportsOkWithoutTouchingIt() throws Exception {
        ModuleResult first = run(Map.of("name", "zookeeper", "state", "started", "enabled", true));
        assertThat(first.data()).containsEntry("changed", true).containsEntry("name", "zookeeper").containsEntry("state", "started");
        assertThat(calls()).containsExactly("show zookeeper", "enable zookeeper", "start zookeeper");
        assertThat(Files.readString(unitFile("active"))).isEqualTo("active\n");

        ModuleResult second = run(Map.of("name", "zookeeper", "state", "started", "enabled", true));
        assertThat(second.data()).containsEntry("changed", false);
        assertThat(calls()).containsExactly("show zookeeper");
        @SuppressWarnings("unchecked")
        Map<String, String> status = (Map<String, String>) second.data().get("status");
        assertThat(status).containsEntry("ActiveState", "active").containsEntry("UnitFileState", "enabled");
    }

    @Test
    void checkModeReportsTheChangeAndRunsOnlyTheQuery() throws Exception {
        ModuleResult r = ModuleHarness.in(dir).run(systemd, Map.of("name", "zookeeper", "state", "started", "daemon_reload", true), true, false);
        assertThat(r.data()).containsEntry("changed", true);
        assertThat(calls()).containsExactly("show zookeeper");
        assertThat(Files.readString(unitFile("active"))).isEqualTo("inactive\n");
    }

    @Test
    void restartedAlwaysActsAndReloadedStartsAStoppedUnit() throws Exception {
        assertThat(run(Map.of("name", "zookeeper", "state", "reloaded")).data()).containsEntry("changed", true);
        assertThat(calls()).containsExactly("show zookeeper", "start zookeeper");
        assertThat(run(Map.of("name", "zookeeper", "state", "restarted")).data()).containsEntry("changed", true);
        assertThat(calls()).containsExactly("show zookeeper", "restart zookeeper");
        assertThat(run(Map.of("name", "zookeeper", "state", "stopped")).data()).containsEntry("changed", true);
        assertThat(run(Map.of("name", "zookeeper", "state", "stopped")).data()).containsEntry("changed", false);
    }

    @Test
    void daemonReloadComesFirstAndAloneNeedsNoUnit() throws Exception {
        assertThat(run(Map.of("daemon_reload", true)).data()).containsEntry("changed", false);
        assertThat(calls()).containsExactly("daemon-reload");
        run(Map.of("name", "zookeeper.service", "state", "started", "daemon_reload", true, "no_block", true));
        assertThat(calls()).containsExactly("--no-block daemon-reload", "--no-block show zookeeper.service", "--no-block start zookeeper.service");
    }

    @Test
    void anUnknownUnitFailsWithAnsiblesMessage() {
        ModuleResult r = run(Map.of("name", "nope", "state", "started"));
        assertThat(r.data()).containsEntry("failed", true).containsEntry("msg", "Could not find the requested service nope: host");
    }

    @Test
    void aFailingStartFailsTheTaskWithSystemctlsReason() throws Exception {
        Files.writeString(unitFile("broken"), "");
        ModuleResult r = run(Map.of("name", "zookeeper", "state", "started"));
        assertThat(r.data()).containsEntry("failed", true).containsEntry("msg",
                "Unable to start service zookeeper: Job for zookeeper.service failed because the control process exited with error code.");
    }

    @Test
    void maskingIsChangedOnceAndAMaskedUnitRefusesToStart() throws Exception {
        assertThat(run(Map.of("name", "zookeeper", "masked", true)).data()).containsEntry("changed", true);
        assertThat(run(Map.of("name", "zookeeper", "masked", true)).data()).containsEntry("changed", false);
        ModuleResult start = run(Map.of("name", "zookeeper", "state", "started"));
        assertThat(start.data()).containsEntry("failed", true);
        assertThat(String.valueOf(start.data().get("msg"))).contains("is masked");
    }

    @Test
    void serviceIsTheSameModuleUnderItsGenericName() throws Exception {
        SystemdModule service = new SystemdModule("service", systemctl.toString());
        assertThat(service.name()).isEqualTo("service");
        assertThat(ModuleHarness.in(dir).run(service, Map.of("name", "zookeeper", "state", "started")).data()).containsEntry("changed", true);
        assertThat(Files.readString(unitFile("active"))).isEqualTo("active\n");
    }
}
