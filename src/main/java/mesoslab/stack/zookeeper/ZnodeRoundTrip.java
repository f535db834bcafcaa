package mesoslab.stack.zookeeper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Proves that the ensemble replicates: writes a znode through one member and reads it back
 * through every other (after a {@code sync}), then deletes it.
 */
public final class ZnodeRoundTrip {
    private static final String ROOT = "/mesoslab-verify";

    private ZnodeRoundTrip() {}

    /** Returns "ok via A, read on B, C" or throws with what went wrong. */
    public static String run(ZkMember writer, List<ZkMember> readers, Duration timeout) throws IOException, InterruptedException {
        String path = ROOT + "/rt-" + System.nanoTime();
        byte[] payload = ("mesoslab " + path).getBytes(StandardCharsets.UTF_8);
        try (ZooKeeper zk = connect(writer, timeout)) {
            try {
                zk.create(ROOT, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException e) {
                // created by an earlier check: fine
            }
            zk.create(path, payload, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            StringBuilder readOn = new StringBuilder();
            for (ZkMember reader : readers) {
                try (ZooKeeper other = connect(reader, timeout)) {
                    CountDownLatch synced = new CountDownLatch(1);
                    other.sync(path, (rc, p, ctx) -> synced.countDown(), null);
                    synced.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    byte[] read = other.getData(path, false, null);
                    if (!Arrays.equals(read, payload)) {
                        throw new IOException("read different data on " + reader.host());
                    }
                    readOn.append(readOn.length() == 0 ? "" : ", ").append(reader.host());
                }
            }
            zk.delete(path, -1);
            return "ok: written via " + writer.host() + (readOn.length() == 0 ? "" : ", read back on " + readOn);
        } catch (KeeperException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static ZooKeeper connect(ZkMember member, Duration timeout) throws IOException, InterruptedException {
        return ZkClients.connect(member.endpoint(), member.host() + " (" + member.endpoint() + ")", timeout);
    }
}
