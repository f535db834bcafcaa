package mesoslab.standin.mesos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;
import org.apache.zookeeper.server.quorum.QuorumPeerMain;

/**
 * Real ZooKeeper for the stand-in tests: a standalone server on a free loopback port, or a
 * quorum of in-process peers (each on its own 127.81.x.y address, so the fixed quorum ports
 * never collide) for tests that need the production topology.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
    private final List<AutoCloseable> members = new ArrayList<>();
    private final String connectString;

    EmbeddedZooKeeper(Path dataDir) throws IOException, InterruptedException {
        System.setProperty("zookeeper.admin.enableServer", "false");
        ZooKeeperServer server = new ZooKeeperServer(dataDir.resolve("snap").toFile(), dataDir.resolve("log").toFile(), 500);
        ServerCnxnFactory factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 100);
        factory.startup(server);
        members.add(() -> {
            factory.shutdown();
            server.shutdown();
        });
        connectString = "127.0.0.1:" + factory.getLocalPort();
    }

    /** One standalone server on a free loopback port. */
    public static EmbeddedZooKeeper standalone(Path dataDir) throws IOException, InterruptedException {
        return new EmbeddedZooKeeper(dataDir);
    }

    private EmbeddedZooKeeper(String connectString) {
        this.connectString = connectString;
    }

    /** A {@code size}-member quorum in this JVM; clients may connect before it has elected a leader. */
    public static EmbeddedZooKeeper quorum(Path dataDir, int size) throws Exception {
        System.setProperty("zookeeper.admin.enableServer", "false");
        int block = ThreadLocalRandom.current().nextInt(1, 250);
        StringJoiner connect = new StringJoiner(",");
        StringBuilder servers = new StringBuilder();
        for (int i = 1; i <= size; i++) {
            String ip = "127.81." + block + "." + (10 + i);
            connect.add(ip + ":2181");
            servers.append("server.").append(i).append('=').append(ip).append(":2888:3888\n");
        }
        EmbeddedZooKeeper zk = new EmbeddedZooKeeper(connect.toString());
        for (int i = 1; i <= size; i++) {
            Path dir = dataDir.resolve("zk" + i);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("myid"), i + "\n");
            Properties p = new Properties();
            // maxSessionTimeout: the default (20 ticks = 4 s) would silently cap the session timeouts the
            // stand-ins ask for, and failover tests must see the timeout they configured.
            p.load(new java.io.StringReader("tickTime=200\ninitLimit=20\nsyncLimit=10\nmaxSessionTimeout=30000\ndataDir=" + dir
                    + "\nclientPort=2181\nclientPortAddress=127.81." + block + "." + (10 + i) + "\nadmin.enableServer=false\n" + servers));
            QuorumPeerConfig config = new QuorumPeerConfig();
            config.parseProperties(p);
            QuorumPeerMain peer = new QuorumPeerMain();
            Thread t = new Thread(() -> {
                try {
                    peer.runFromConfig(config);
                } catch (Exception e) {
                    // close() ends the peer; anything else shows up as a test that cannot connect
                }
            }, "zk-peer-" + i);
            t.setDaemon(true);
            t.start();
            zk.members.add(peer::close);
        }
        return zk;
    }

    public String connectString() {
        return connectString;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable m : members) {
            m.close();
        }
    }
}
