package mesoslab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mesoslab.lab.testhosts.TestHost;
import mesoslab.lab.testhosts.TestHostsLab;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.module.builtin.AptModule;
import mesoslab.template.TemplateFiles;
import mesoslab.transport.Become;
import mesoslab.transport.Command;
import mesoslab.transport.Connection;
import mesoslab.transport.ssh.SshConnection;
import mesoslab.transport.ssh.SshTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apt} for real, with dpkg and apt-get on a namespace test host over SSH (its root is an
 * overlay, so nothing reaches this machine's package database): a package built here as a .deb is
 * installed once, found installed the second time, removed, and check mode leaves it alone; an
 * installed package is ok; an unknown one fails with apt's reason. Needs root and openssh-server.
 */
class AptModuleIT {
    private static final String PROBE = "mesoslab-probe";

    @Test
    void installsADebOnceRemovesItAndLeavesTheHostAloneInCheckMode(@TempDir Path dir) throws Exception {
        Path deb = buildProbePackage(dir);
        try (TestHostsLab lab = TestHostsLab.start(1, dir.resolve("lab"))) {
            TestHost host = lab.hosts().get(0);
            try (Connection c = SshConnection.open(new SshTarget(host.name(), host.address(), 22, "root", List.of(lab.privateKey()), null,
                    lab.knownHostsFile(), false, Duration.ofSeconds(10), null))) {
                c.put(Files.readAllBytes(deb), "/tmp/probe.deb", "0644", Become.NONE);
                AptModule apt = new AptModule("apt");

                assertThat(run(apt, c, Map.of("name", "bash"), false).data()).containsEntry("changed", false);

                ModuleResult check = run(apt, c, Map.of("deb", "/tmp/probe.deb"), true);
                assertThat(check.data()).containsEntry("changed", true).containsEntry("packages", List.of(PROBE + "=1.0"));
                assertThat(installed(c)).isFalse();

                ModuleResult install = run(apt, c, Map.of("deb", "/tmp/probe.deb"), false);
                assertThat(install.data()).as(String.valueOf(install.data())).containsEntry("changed", true);
                assertThat(installed(c)).isTrue();
                assertThat(c.exec(Command.argv("cat", "/usr/share/mesoslab-probe/hello")).stdout()).isEqualTo("hello from the probe\n");
                assertThat(Path.of("/usr/share/mesoslab-probe")).as("the overlay keeps this machine untouched").doesNotExist();
                assertThat(run(apt, c, Map.of("deb", "/tmp/probe.deb"), false).data()).containsEntry("changed", false);
                assertThat(run(apt, c, Map.of("name", PROBE + "=1.*"), false).data()).containsEntry("changed", false);

                assertThat(run(apt, c, Map.of("name", List.of(PROBE), "state", "absent"), true).data()).containsEntry("changed", true);
                assertThat(installed(c)).isTrue();
                assertThat(run(apt, c, Map.of("name", List.of(PROBE), "state", "absent"), false).data()).containsEntry("changed", true);
                assertThat(installed(c)).isFalse();
                assertThat(run(apt, c, Map.of("name", List.of(PROBE), "state", "absent"), false).data()).containsEntry("changed", false);

                ModuleResult unknown = run(new AptModule("package"), c, Map.of("name", "no-such-package-mesoslab"), false);
                assertThat(unknown.data()).containsEntry("failed", true);
                assertThat(String.valueOf(unknown.data().get("msg"))).startsWith("'apt-get -y -q ").contains("Unable to locate package");
            }
        }
    }

    private static ModuleResult run(AptModule apt, Connection c, Map<String, Object> args, boolean check) {
        return apt.run(new ModuleCall(args, "th1", Map.of(), c, check, false, new TemplateFiles(Path.of("templates")), Path.of("."),
                Become.NONE));
    }

    private static boolean installed(Connection c) {
        return c.exec(Command.argv("dpkg-query", "-W", "-f=${Status}", PROBE)).stdout().endsWith(" installed");
    }

    private static Path buildProbePackage(Path dir) throws Exception {
        Path root = dir.resolve("pkg");
        Files.createDirectories(root.resolve("DEBIAN"));
        Files.createDirectories(root.resolve("usr/share/mesoslab-probe"));
        Files.writeString(root.resolve("DEBIAN/control"), "Package: " + PROBE + "\nVersion: 1.0\nArchitecture: all\n"
                + "Maintainer: mesoslab tests <tests@mesoslab.invalid>\nDescription: a package the apt module's test installs\n");
        Files.writeString(root.resolve("usr/share/mesoslab-probe/hello"), "hello from the probe\n");
        Path deb = dir.resolve("probe.deb");
        Process p = new ProcessBuilder("dpkg-deb", "--root-owner-group", "--build", root.toString(), deb.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return deb;
    }
}
