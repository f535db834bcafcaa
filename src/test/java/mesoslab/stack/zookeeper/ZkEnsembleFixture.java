package mesoslab.stack.zookeeper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import mesoslab.verify.Await;
import mesoslab.verify.Observation;

/**
 * A real ZooKeeper ensemble for tests: one JVM per member (QuorumPeerMain from the test
 * classpath), each on its own loopback address 127.78.X.1N, started and stopped by PID.
 */
public final class ZkEnsembleFixture implements AutoCloseable {
    private final Path root;
    private final List<ZkMember> members = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    public ZkEnsembleFixture(Path root, int size) throws IOException {
        this.root = root;
        int block = ThreadLocalRandom.current().nextInt(1, 250);
        StringBuilder servers = new StringBuilder();
        for (int i = 1; i <= size; i++) {
            String ip = "127.78." + block + "." + (10 + i);
            members.add(new ZkMember("zk" + i, ip, 2181));
            servers.append("server.").append(i).append('=').append(ip).append(":2888:3888\n");
        }
        for (int i = 1; i <= size; i++) {
            Path dir = root.resolve("zk" + i);
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(dir.resolve("data/myid"), i + "\n");
            Files.writeString(dir.resolve("zoo.cfg"), "tickTime=500\ninitLimit=10\nsyncLimit=5\n"
                    + "dataDir=" + dir.resolve("data") + "\nclientPort=2181\nclientPortAddress=" + members.get(i - 1).address() + "\n"
                    + "4lw.commands.whitelist=ruok,mntr,srvr\nadmin.enableServer=false\n" + servers);
            processes.add(null);
        }
    }

    public List<ZkMember> members() {
        return members;
    }

    public ZkEnsembleFixture startAll() throws IOException {
        for (int i = 0; i < members.size(); i++) {
            start(i);
        }
        return this;
    }

    public void start(int index) throws IOException {
        Path dir = root.resolve("zk" + (index + 1));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                "org.apache.zookeeper.server.quorum.QuorumPeerMain", dir.resolve("zoo.cfg").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("zk.log").toFile());
        processes.set(index, pb.start());
    }

    /** Kills member {@code index} (0-based) hard, by its PID. */
    public void kill(int index) throws InterruptedException {
        Process p = processes.get(index);
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            processes.set(index, null);
        }
    }

    public long pid(int index) {
        return processes.get(index).pid();
    }

    public QuorumReport awaitHealthy(Duration timeout) {
        QuorumCheck check = new QuorumCheck(Duration.ofSeconds(2));
        return Await.until("a healthy quorum", timeout).every(Duration.ofMillis(300)).on(() -> {
            QuorumReport report = check.check(members);
            return report.verdict() == QuorumVerdict.HEALTHY ? Observation.ok(report, report.summary())
                    : Observation.notYet(report, report.summary());
        });
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = 0; i < processes.size(); i++) {
            kill(i);
        }
    }
}
