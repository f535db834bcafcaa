package mesoslab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mesoslab.cli.Main;
import mesoslab.lab.testhosts.TestHost;
import mesoslab.lab.testhosts.TestHostsLab;
import mesoslab.transport.Command;
import mesoslab.transport.Connection;
import mesoslab.transport.ssh.SshConnection;
import mesoslab.transport.ssh.SshTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark playbook (bench/workload/mesoslab.yml) over real OpenSSH on five namespace hosts,
 * in one lab and in this order: {@code --check} changes no file on any host; a host whose key
 * does not match known_hosts is refused before anything runs on it while the other four change;
 * the next run changes only that host, the one after changes nothing; a host whose sshd is killed
 * in the middle of a run is reported unreachable while the other four finish. Needs root and
 * openssh-server; without them the harness throws, so this fails (never skips).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchPlaybookOverSshIT {
    private static final Path HOME = Path.of("").toAbsolutePath();
    private static final String PLAYBOOK = HOME.resolve("bench/workload/mesoslab.yml").toString();
    @TempDir
    static Path dir;
    private static TestHostsLab lab;
    private static String inventory;

    private record Result(int code, String out) {}

    @BeforeAll
    static void startHosts() throws Exception {
        lab = TestHostsLab.start(5, dir.resolve("lab"));
        Path inv = dir.resolve("hosts.yml");
        Files.writeString(inv, lab.inventoryYaml("bench", h -> ""));
        inventory = inv.toString();
    }

    @AfterAll
    static void stopHosts() {
        if (lab != null) {
            lab.close();
            assertThat(lab.leftNothingBehind()).isTrue();
        }
    }

    private static Result run(Writer console, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", PLAYBOOK, "-f", "5"));
        args.addAll(List.of(extra));
        if (!args.contains("-i")) {
            args.addAll(List.of("-i", inventory));
        }
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(console, true), new PrintWriter(err, true),
                Map.of("MESOSLAB_HOME", HOME.toString()));
        return new Result(code, console + err.toString());
    }

    private static Result run(String... extra) {
        return run(new StringWriter(), extra);
    }

    @Test
    @Order(1)
    void checkModeChangesNoFileOnAnyHost() throws Exception {
        List<String> before = listings();
        Result check = run("--check");
        // As with Ansible, slurp reads for real in check mode and finds no file on a fresh host;
        // everything before it reports what it would change.
        assertThat(check.code()).as(check.out()).isEqualTo(3);
        assertThat(check.out()).contains("fatal: [th1]: FAILED! => file not found or unreadable: /srv/bench/conf/c.txt");
        for (int i = 1; i <= 5; i++) {
            assertThat(check.out()).containsPattern("th" + i + " : ok=14 +changed=13 +unreachable=0 +failed=1 ");
        }
        assertThat(listings()).isEqualTo(before);
        for (TestHost h : lab.hosts()) {
            assertThat(onHost(h, "test -e /srv/bench && echo present || echo absent")).isEqualTo("absent\n");
        }
    }

    @Test
    @Order(2)
    void aHostWithTheWrongKeyIsRefusedBeforeAnythingRunsWhileTheOthersChange() throws Exception {
        // th1's entry carries th2's key: exactly what a replaced or spoofed host looks like.
        List<String> lines = Files.readAllLines(lab.knownHostsFile());
        String th1 = lab.hosts().get(0).address();
        String th2Key = lines.get(1).substring(lines.get(1).indexOf(' ') + 1);
        lines.set(0, th1 + " " + th2Key);
        Path wrongKnownHosts = dir.resolve("known_hosts.wrong");
        Files.write(wrongKnownHosts, lines);
        Path inv = dir.resolve("wrong-key.yml");
        Files.writeString(inv, Files.readString(Path.of(inventory)).replace(lab.knownHostsFile().toString(), wrongKnownHosts.toString()));

        Result r = run("-i", inv.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(4);
        assertThat(r.out()).contains("fatal: [th1]: UNREACHABLE!").containsIgnoringCase("host key")
                .containsPattern("th1 : ok=0 +changed=0 +unreachable=1 ");
        for (int i = 2; i <= 5; i++) {
            assertThat(r.out()).containsPattern("th" + i + " : ok=\\d+ +changed=[1-9]\\d* +unreachable=0 +failed=0 ");
        }
        assertThat(onHost(lab.hosts().get(0), "test -e /srv/bench && echo present || echo absent")).isEqualTo("absent\n");
        assertThat(onHost(lab.hosts().get(1), "test -e /srv/bench/conf/bench.cfg && echo present || echo absent")).isEqualTo("present\n");
    }

    @Test
    @Order(3)
    void theFirstRunChangesAHostAndTheSecondChangesNothing() {
        Result first = run();
        assertThat(first.code()).as(first.out()).isZero();
        assertThat(first.out()).containsPattern("th1 : ok=\\d+ +changed=[1-9]");
        assertThat(lab.sshdLog(lab.hosts().get(0))).as("the copies went over OpenSSH's SFTP subsystem")
                .contains("Starting session: subsystem 'sftp' for root");
        for (int i = 2; i <= 5; i++) {
            assertThat(first.out()).containsPattern("th" + i + " : ok=\\d+ +changed=0 ");
        }
        Result second = run();
        assertThat(second.code()).as(second.out()).isZero();
        for (int i = 1; i <= 5; i++) {
            assertThat(second.out()).containsPattern("th" + i + " : ok=21 +changed=0 +unreachable=0 +failed=0 ");
        }
    }

    @Test
    @Order(4)
    void aHostWhoseSshdDiesMidRunIsUnreachableWhileTheOtherFourFinish() {
        TestHost victim = lab.hosts().get(4);
        // The console writer kills th5's sshd (listener and session processes) as the third task's
        // header is printed, i.e. after two tasks ran on every host and before the third starts.
        StringWriter console = new StringWriter() {
            private boolean killed;

            @Override
            public void write(String s, int off, int len) {
                super.write(s, off, len);
                if (!killed && toString().split("TASK \\[", -1).length > 3) {
                    killed = true;
                    assertThat(lab.kill(victim, "sshd")).isGreaterThanOrEqualTo(2);
                }
            }
        };
        Result r = run(console);
        assertThat(r.code()).as(r.out()).isEqualTo(4);
        assertThat(r.out()).contains("fatal: [th5]: UNREACHABLE!").containsPattern("th5 : ok=2 +changed=0 +unreachable=1 ");
        for (int i = 1; i <= 4; i++) {
            assertThat(r.out()).containsPattern("th" + i + " : ok=21 +changed=0 +unreachable=0 +failed=0 ");
        }
    }

    /** Every file under the places a playbook could touch, with size and mtime, per host. */
    private static List<String> listings() throws Exception {
        List<String> all = new ArrayList<>();
        for (TestHost h : lab.hosts()) {
            all.add(onHost(h, "find /srv /etc /opt /root /tmp /var/lib -xdev -printf '%p %s %T@\\n' 2>/dev/null | sort"));
        }
        return all;
    }

    private static String onHost(TestHost h, String shell) throws Exception {
        try (Connection c = SshConnection.open(new SshTarget(h.name(), h.address(), 22, "root", List.of(lab.privateKey()), null,
                lab.knownHostsFile(), false, Duration.ofSeconds(10), null))) {
            return c.exec(Command.shell(shell)).stdout();
        }
    }
}
