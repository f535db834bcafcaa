package mesoslab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mesoslab.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded local lab end to end, with the project's own playbooks on a copy of
 * inventories/local moved to its own addresses and folder (so it never collides with a lab a
 * developer runs): up, verify green, a second up changes nothing, the leader drill fails over
 * within 10 s, verify again, down leaves no process.
 */
class LocalLabIT {
    private static final Path HOME = Path.of("").toAbsolutePath();
    @TempDir
    Path dir;
    private Path inventory;

    private record Result(int code, String out, String err) {}

    private Result mesoslab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of("MESOSLAB_HOME", HOME.toString()));
        return new Result(code, out.toString(), err.toString());
    }

    private Path inventory() throws Exception {
        int block = ThreadLocalRandom.current().nextInt(1, 250);
        Path inv = dir.resolve("inventory");
        Files.createDirectories(inv.resolve("group_vars"));
        Files.writeString(inv.resolve("hosts.yml"), Files.readString(HOME.resolve("inventories/local/hosts.yml"))
                .replace("127.77.0.", "127.79." + block + "."));
        Files.writeString(inv.resolve("group_vars/all.yml"), Files.readString(HOME.resolve("inventories/local/group_vars/all.yml"))
                .replace("local_lab_dir: \"{{ mesoslab_home }}/.mesoslab/local\"", "local_lab_dir: \"" + dir.resolve("lab") + "\""));
        return inv;
    }

    @Test
    void upVerifySecondUpDrillAndDown() throws Exception {
        inventory = inventory();
        String inv = inventory.toString();
        String report = dir.resolve("report").toString();

        Result up = mesoslab("up", "-i", inv, "--report", report);
        assertThat(up.code()).as(up.out() + up.err()).isZero();
        assertThat(up.out()).contains("ZooKeeper quorum  PASS").containsPattern("Mesos cluster +PASS").contains("The lab is up")
                .containsPattern("master\\d 127\\.79\\.\\d+\\.1\\d:5050 healthy leader \\(ZooKeeper agrees\\), 2 agents active")
                .containsPattern("agent1 127\\.79\\.\\d+\\.21:5051 active ")
                .containsPattern("Marathon +PASS +healthy: leader 127\\.79\\.\\d+\\.1\\d:8080, 3 of 3 instances up, framework \\S+-0000 active in Mesos");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report/report.json").toFile());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(Files.readString(dir.resolve("report/junit.xml"))).contains("tests=\"3\" failures=\"0\"");
        long members = zookeeperProcesses();
        assertThat(members).isEqualTo(3);
        assertThat(standInProcesses()).isEqualTo(8);
        assertThat(Files.readString(dir.resolve("lab/master1/etc/default/mesos-master"))).contains("MESOS_QUORUM=2")
                .contains("MESOS_ZK=file://" + dir.resolve("lab/master1/etc/mesos/zk"));

        Result again = mesoslab("up", "-i", inv, "--report", report);
        assertThat(again.code()).isZero();
        assertThat(again.out()).containsPattern("master1 : ok=\\d+ +changed=0 ").containsPattern("master2 : ok=\\d+ +changed=0 ")
                .containsPattern("master3 : ok=\\d+ +changed=0 ").containsPattern("agent1 +: ok=\\d+ +changed=0 ")
                .containsPattern("agent2 +: ok=\\d+ +changed=0 ");
        assertThat(zookeeperProcesses()).isEqualTo(3);
        assertThat(standInProcesses()).isEqualTo(8);

        Result drill = mesoslab("drill", "zookeeper-leader", "-i", inv, "--report", report);
        assertThat(drill.code()).as(drill.out()).isZero();
        Matcher failover = Pattern.compile("new leader served writes: ([0-9.]+) s after the kill").matcher(drill.out());
        assertThat(failover.find()).as(drill.out()).isTrue();
        assertThat(Double.parseDouble(failover.group(1))).isLessThan(10.0);
        assertThat(drill.out()).contains("ZooKeeper quorum  PASS").containsPattern("Mesos cluster +PASS").containsPattern("Marathon +PASS");

        Result mesosDrill = mesoslab("drill", "mesos-leader", "-i", inv, "--report", report);
        assertThat(mesosDrill.code()).as(mesosDrill.out()).isZero();
        Matcher elected = Pattern.compile("new leader elected: +([0-9.]+) s after the kill").matcher(mesosDrill.out());
        assertThat(elected.find()).as(mesosDrill.out()).isTrue();
        // The local lab's masters hold 4 s ZooKeeper sessions: a new leader within that, plus a margin.
        assertThat(Double.parseDouble(elected.group(1))).isLessThan(10.0);
        assertThat(mesosDrill.out()).containsPattern("Mesos cluster +PASS +healthy: leader \\S+, 3 of 3 masters up, 2 of 2 agents active")
                .containsPattern("Marathon +PASS");
        assertThat(standInProcesses()).isEqualTo(8);

        Result down = mesoslab("down", "-i", inv, "--purge");
        assertThat(down.code()).isZero();
        assertThat(zookeeperProcesses()).isZero();
        assertThat(standInProcesses()).isZero();
        assertThat(dir.resolve("lab/master1/var/lib/zookeeper")).doesNotExist();
        assertThat(dir.resolve("lab/agent1/var/lib/mesos/agent")).doesNotExist();
    }

    /** QuorumPeerMain processes whose configuration lives under this test's folder. */
    private long zookeeperProcesses() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("QuorumPeerMain") && c.contains(dir.toString())).orElse(false))
                .count();
    }

    /** Mesos and Marathon stand-in processes working in this test's folder (their cwd is under it). */
    private long standInProcesses() {
        return ProcessHandle.allProcesses().filter(this::isOurStandIn).count();
    }

    private boolean isOurStandIn(ProcessHandle p) {
        try {
            return p.info().commandLine().map(c -> (c.contains("mesoslab.standin.Main mesos-") || c.contains("mesoslab.standin.Main marathon"))).orElse(false)
                    && Files.readSymbolicLink(Path.of("/proc/" + p.pid() + "/cwd")).startsWith(dir);
        } catch (java.io.IOException | UnsupportedOperationException gone) {
            return false;
        }
    }

    @AfterEach
    void stopAnythingLeft() {
        if (inventory != null) {
            mesoslab("down", "-i", inventory.toString());
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("QuorumPeerMain") && c.contains(dir.toString())).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        ProcessHandle.allProcesses().filter(this::isOurStandIn).forEach(ProcessHandle::destroyForcibly);
    }
}
