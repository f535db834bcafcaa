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
        assertThat(up.out()).contains("ZooKeeper quorum  PASS").contains("The lab is up");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report/report.json").toFile());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(Files.readString(dir.resolve("report/junit.xml"))).contains("tests=\"1\" failures=\"0\"");
        long members = zookeeperProcesses();
        assertThat(members).isEqualTo(3);

        Result again = mesoslab("up", "-i", inv, "--report", report);
        assertThat(again.code()).isZero();
        assertThat(again.out()).containsPattern("master1 : ok=\\d+ +changed=0 ").containsPattern("master2 : ok=\\d+ +changed=0 ")
                .containsPattern("master3 : ok=\\d+ +changed=0 ");
        assertThat(zookeeperProcesses()).isEqualTo(3);

        Result drill = mesoslab("drill", "zookeeper-leader", "-i", inv, "--report", report);
        assertThat(drill.code()).as(drill.out()).isZero();
        Matcher failover = Pattern.compile("new leader served writes: ([0-9.]+) s after the kill").matcher(drill.out());
        assertThat(failover.find()).as(drill.out()).isTrue();
        assertThat(Double.parseDouble(failover.group(1))).isLessThan(10.0);
        assertThat(drill.out()).contains("ZooKeeper quorum  PASS");

        Result down = mesoslab("down", "-i", inv, "--purge");
        assertThat(down.code()).isZero();
        assertThat(zookeeperProcesses()).isZero();
        assertThat(dir.resolve("lab/master1/var/lib/zookeeper")).doesNotExist();
    }

    /** QuorumPeerMain processes whose configuration lives under this test's folder. */
    private long zookeeperProcesses() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("QuorumPeerMain") && c.contains(dir.toString())).orElse(false))
                .count();
    }

    @AfterEach
    void stopAnythingLeft() {
        if (inventory != null) {
            mesoslab("down", "-i", inventory.toString());
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("QuorumPeerMain") && c.contains(dir.toString())).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }
}
