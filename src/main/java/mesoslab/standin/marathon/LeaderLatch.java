package mesoslab.standin.marathon;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Marathon's leader election as Curator's LeaderLatch lays it out: under
 * {@code <zk path>/leader-curator} each instance creates an ephemeral sequential
 * {@code _c_<uuid>-latch-NNNNNNNNNN} znode holding {@code host:port}; the lowest sequence leads.
 * Like Curator's default policy, a suspended (disconnected) session gives up leadership at once;
 * an expired one re-joins with a new session and znode.
 */
final class LeaderLatch implements AutoCloseable {
    static final String LOCK_NAME = "-latch-";
    private final String connectString;
    private final String latchPath;
    private final String participantId;
    private final int sessionTimeoutMs;
    private final Consumer<Boolean> onLeadershipChange;
    private volatile ZooKeeper client;
    private volatile String ownNode;
    private volatile Optional<String> leader = Optional.empty();
    private volatile boolean leading;
    private volatile boolean closed;

    LeaderLatch(String connectString, String zkPath, String participantId, int sessionTimeoutMs,
            Consumer<Boolean> onLeadershipChange) {
        this.connectString = connectString;
        this.latchPath = ("/".equals(zkPath) ? "" : zkPath) + "/leader-curator";
        this.participantId = participantId;
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.onLeadershipChange = onLeadershipChange;
    }

    void start() throws java.io.IOException {
        client = new ZooKeeper(connectString, sessionTimeoutMs, this::onEvent);
    }

    /** The current session (replaced after an expiry); the state store shares it. */
    ZooKeeper client() {
        return client;
    }

    boolean leading() {
        return leading;
    }

    /** host:port of the leader as its latch znode says, if any is known. */
    Optional<String> leader() {
        return leader;
    }

    /** Sequence order of latch znodes: the number after {@code -latch-}. */
    static Optional<String> lowest(List<String> children) {
        return children.stream().filter(c -> c.contains(LOCK_NAME))
                .min(Comparator.comparingLong(c -> Long.parseLong(c.substring(c.lastIndexOf(LOCK_NAME) + LOCK_NAME.length()))));
    }

    private void onEvent(WatchedEvent event) {
        if (closed) {
            return;
        }
        if (event.getType() == Watcher.Event.EventType.None) {
            switch (event.getState()) {
                case SyncConnected -> join();
                case Disconnected -> {
                    leader = Optional.empty();
                    setLeading(false);
                }
                case Expired -> {
                    ownNode = null;
                    leader = Optional.empty();
                    setLeading(false);
                    try {
                        start();
                    } catch (java.io.IOException e) {
                        System.err.println("marathon: cannot reconnect to ZooKeeper: " + e.getMessage());
                    }
                }
                default -> { }
            }
        } else if (event.getType() == Watcher.Event.EventType.NodeChildrenChanged) {
            evaluate();
        }
    }

    private synchronized void join() {
        try {
            ZkPaths.ensure(client, latchPath);
            if (ownNode == null || client.exists(latchPath + "/" + ownNode, false) == null) {
                String created = client.create(latchPath + "/_c_" + UUID.randomUUID() + LOCK_NAME,
                        participantId.getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.EPHEMERAL_SEQUENTIAL);
                ownNode = created.substring(created.lastIndexOf('/') + 1);
            }
            evaluate();
        } catch (KeeperException e) {
            System.err.println("marathon: joining the leader latch failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void evaluate() {
        try {
            List<String> children = client.getChildren(latchPath, true);
            Optional<String> first = lowest(children);
            Optional<String> id = Optional.empty();
            if (first.isPresent()) {
                id = Optional.of(new String(client.getData(latchPath + "/" + first.get(), false, null), StandardCharsets.UTF_8));
            }
            leader = id;
            setLeading(first.isPresent() && first.get().equals(ownNode));
        } catch (KeeperException e) {
            // The lowest node vanished between list and read: the watch fires again shortly.
            leader = Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void setLeading(boolean now) {
        boolean before = leading;
        leading = now;
        if (before != now) {
            onLeadershipChange.accept(now);
        }
    }

    /** {@code DELETE /v2/leader}: give up leadership by re-joining at the back of the line. */
    synchronized void abdicate() {
        try {
            String old = ownNode;
            ownNode = null;
            setLeading(false);
            if (old != null) {
                client.delete(latchPath + "/" + old, -1);
            }
            join();
        } catch (KeeperException e) {
            System.err.println("marathon: abdication failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        setLeading(false);
        if (client != null) {
            client.close();
        }
    }
}
