package mesoslab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mesoslab.lab.testhosts.TestHost;
import mesoslab.lab.testhosts.TestHostsLab;
import mesoslab.transport.Become;
import mesoslab.transport.Command;
import mesoslab.transport.CommandResult;
import mesoslab.transport.Connection;
import mesoslab.transport.ssh.SshConnection;
import mesoslab.transport.ssh.SshTarget;

/**
 * Real multi-host: three namespace hosts with OpenSSH sshd, reached by the ssh transport with
 * strict host key checking. Needs root and openssh-server; without them the harness throws, so
 * this test fails (never skips).
 */
class TestHostsIT {

    @Test
    void threeIsolatedHostsAnswerOverSshAndLeaveNothingBehind(@TempDir Path work) throws Exception {
        TestHostsLab lab = TestHostsLab.start(3, work);
        List<Connection> connections = new ArrayList<>();
        try {
            for (TestHost host : lab.hosts()) {
                assertThat(host.address()).startsWith("198.18.0.");
                connections.add(SshConnection.open(new SshTarget(host.name(), host.address(), 22, "root", List.of(lab.privateKey()), null,
                        lab.knownHostsFile(), false, java.time.Duration.ofSeconds(10), null)));
            }
            for (int i = 0; i < 3; i++) {
                Connection c = connections.get(i);
                assertThat(c.exec(Command.argv("hostname")).stdout()).isEqualTo("th" + (i + 1) + "\n");
                assertThat(c.exec(Command.argv("id", "-u")).stdout()).isEqualTo("0\n");
                assertThat(c.exec(Command.argv("ls", "-A", "/root")).stdout()).isEqualTo(".ssh\n");
            }
            // A timed-out command is killed on the real sshd too, not just abandoned.
            Connection first = connections.get(0);
            CommandResult slow = first.exec(
                    Command.shell("echo $$ > /tmp/sleeper.pid; exec sleep 30").withTimeout(java.time.Duration.ofSeconds(1)));
            assertThat(slow.timedOut()).isTrue();
            assertThat(first.exec(Command.shell(
                    "p=$(cat /tmp/sleeper.pid); for i in 1 2 3 4 5 6 7 8 9 10; do [ -d /proc/$p ] || exit 0; sleep 0.2; done; exit 1"))
                    .rc()).as("timed-out process is gone").isZero();
            // Hosts reach each other like VMs on one subnet (th1 reads th2's sshd banner), yet
            // have no route to anything outside the lab.
            String peer = lab.hosts().get(1).address();
            assertThat(first.exec(Command.argv("timeout", "5", "bash", "-c",
                    "exec 3<>/dev/tcp/" + peer + "/22 && head -c 4 <&3")).stdout()).isEqualTo("SSH-");
            CommandResult outside = first.exec(Command.argv("ip", "route", "get", "192.0.2.1"));
            assertThat(outside.rc()).as(outside.stdout()).isNotZero();
            assertThat(outside.stderr()).contains("unreachable");
            String marker = "/etc/mesoslab-isolation-" + work.getFileName();
            connections.get(0).put("only on th1".getBytes(), marker, "0644", Become.NONE);
            assertThat(connections.get(0).exec(Command.argv("test", "-e", marker)).rc()).isZero();
            assertThat(connections.get(1).exec(Command.argv("test", "-e", marker)).rc()).isEqualTo(1);
            assertThat(connections.get(2).exec(Command.argv("test", "-e", marker)).rc()).isEqualTo(1);
            assertThat(Path.of(marker)).doesNotExist();
        } finally {
            connections.forEach(Connection::close);
            lab.close();
        }
        assertThat(lab.leftNothingBehind()).isTrue();
        assertThat(Files.readString(Path.of("/proc/self/mounts"))).doesNotContain(work.toString());
        for (TestHost host : lab.hosts()) {
            assertThat(Path.of("/run/netns", host.namespace())).doesNotExist();
        }
    }

    @Test
    void hostsAreRemovedEvenWhenTheTestBodyFails(@TempDir Path work) {
        TestHostsLab[] started = new TestHostsLab[1];
        assertThatThrownBy(() -> {
            try (TestHostsLab lab = TestHostsLab.start(1, work)) {
                started[0] = lab;
                throw new IllegalStateException("planted failure");
            }
        }).hasMessage("planted failure");
        assertThat(started[0].leftNothingBehind()).isTrue();
        assertThat(Path.of("/run/netns", started[0].hosts().get(0).namespace())).doesNotExist();
    }
}
