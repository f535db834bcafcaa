package mesoslab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mesoslab.cli.Main;
import mesoslab.lab.testhosts.TestHost;
import mesoslab.lab.testhosts.TestHostsLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same ZooKeeper playbooks as the local lab, over real SSH to three namespace hosts with
 * strict host keys: up (bundled jar pushed over the connection), verify green, a second up changes
 * nothing, the leader drill fails over within 10 s, down leaves no ZooKeeper process on any host.
 * Needs root and openssh-server; without them the harness throws, so this fails (never skips).
 */
class SshZooKeeperIT {
    private static final Path HOME = Path.of("").toAbsolutePath();

    private record Result(int code, String out, String err) {}

    private static Result mesoslab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of("MESOSLAB_HOME", HOME.toString()));
        return new Result(code, out.toString(), err.toString());
    }

    private static Path inventory(TestHostsLab lab, Path dir) throws Exception {
        Path inv = dir.resolve("hosts.yml");
        Files.writeString(inv, lab.inventoryYaml("zookeeper", h -> "zk_id: " + (lab.hosts().indexOf(h) + 1)
                + ", zookeeper_install: bundled, zk_tick_time: 500"));
        return inv;
    }

    @Test
    void theZooKeeperPlaybooksBringUpVerifyDrillAndTearDownAQuorumOnThreeSshHosts(@TempDir Path dir) throws Exception {
        try (TestHostsLab lab = TestHostsLab.start(3, dir.resolve("lab"))) {
            String inv = inventory(lab, dir).toString();
            String report = dir.resolve("report").toString();

            Result up = mesoslab("up", "-i", inv, "--report", report);
            assertThat(up.code()).as(up.out() + up.err()).isZero();
            assertThat(up.out()).contains("ZooKeeper quorum  PASS");
            assertThat(zookeeperProcesses(lab)).isEqualTo(3);

            Result again = mesoslab("up", "-i", inv, "--report", report);
            assertThat(again.code()).as(again.out() + again.err()).isZero();
            for (int i = 1; i <= 3; i++) {
                assertThat(again.out()).containsPattern("th" + i + " : ok=\\d+ +changed=0 ");
            }

            Result drill = mesoslab("drill", "zookeeper-leader", "-i", inv, "--report", report);
            assertThat(drill.code()).as(drill.out() + drill.err()).isZero();
            Matcher failover = Pattern.compile("new leader served writes: ([0-9.]+) s after the kill").matcher(drill.out());
            assertThat(failover.find()).as(drill.out()).isTrue();
            assertThat(Double.parseDouble(failover.group(1))).isLessThan(10.0);
            assertThat(drill.out()).contains("ZooKeeper quorum  PASS");
            assertThat(zookeeperProcesses(lab)).isEqualTo(3);

            // The figures, for the failsafe report.
            System.out.println(up.out() + again.out().lines().filter(l -> l.contains("changed=") || l.startsWith("elapsed")).toList()
                    + "\n" + drill.out());
            Result down = mesoslab("down", "-i", inv, "--purge");
            assertThat(down.code()).as(down.out() + down.err()).isZero();
            assertThat(zookeeperProcesses(lab)).isZero();
        }
    }

    /** QuorumPeerMain processes on the hosts (they share this machine's PID namespace, so a pgrep over SSH would see all). */
    private static long zookeeperProcesses(TestHostsLab lab) {
        return lab.hosts().stream().mapToLong(h -> lab.count(h, "QuorumPeerMain")).sum();
    }
}
