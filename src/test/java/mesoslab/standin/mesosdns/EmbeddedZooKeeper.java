package mesoslab.standin.mesosdns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/** A real standalone ZooKeeper server on a free loopback port, for one test class. */
final class EmbeddedZooKeeper implements AutoCloseable {
    private final ZooKeeperServer server;
    private final ServerCnxnFactory factory;

    EmbeddedZooKeeper(Path dataDir) throws IOException, InterruptedException {
        server = new ZooKeeperServer(dataDir.resolve("snap").toFile(), dataDir.resolve("log").toFile(), 500);
        factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 60);
        factory.startup(server);
    }

    String connectString() {
        return "127.0.0.1:" + factory.getLocalPort();
    }

    /** A connected client session; closing it removes its ephemeral znodes, as a dying master's do. */
    ZooKeeper client() throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString(), 5_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(10, TimeUnit.SECONDS)) {
            throw new IOException("no ZooKeeper session within 10 s at " + connectString());
        }
        return zk;
    }

    /**
     * Contends like a Mesos master: an ephemeral sequential {@code json.info_} znode under
     * {@code path} holding MasterInfo JSON for {@code ip:port}. Returns the session that owns it.
     */
    ZooKeeper contend(String path, String ip, int port) throws Exception {
        ZooKeeper zk = client();
        try {
            zk.create(path, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException e) {
            // another contender made it
        }
        String info = """
                {"id":"%s","ip":0,"port":%d,"pid":"master@%s:%d","hostname":"%s","version":"1.11.0",
                 "address":{"hostname":"%s","ip":"%s","port":%d},"capabilities":[{"type":"AGENT_UPDATE"}]}
                """.formatted(StateFixture.MASTER_ID, port, ip, port, ip, ip, ip, port);
        zk.create(path + "/" + ZkMasterDetector.PREFIX, info.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
        return zk;
    }

    @Override
    public void close() {
        factory.shutdown();
        server.shutdown();
    }
}
