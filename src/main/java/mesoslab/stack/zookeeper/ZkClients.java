package mesoslab.stack.zookeeper;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/** A ZooKeeper client that is connected when returned, or an IOException that says to what it could not connect. */
public final class ZkClients {
    private ZkClients() {}

    /** Connects to {@code servers} ("h1:2181,h2:2181"); {@code what} names them in the error. */
    public static ZooKeeper connect(String servers, String what, Duration timeout) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(servers, (int) Math.max(4000, timeout.toMillis()), event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            zk.close();
            throw new IOException("could not connect to " + what + " within " + timeout.toSeconds() + " s");
        }
        return zk;
    }
}
