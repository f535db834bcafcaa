package mesoslab.standin.mesos.master;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import mesoslab.standin.http.Json;
import mesoslab.standin.mesos.common.MasterDetector;
import mesoslab.standin.mesos.common.MasterInfo;
import mesoslab.standin.mesos.common.ZkUrl;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Mesos' leader election: each master creates an ephemeral sequential {@code json.info_} znode
 * holding its MasterInfo JSON under the {@code --zk} path; the lowest sequence leads; everybody
 * watches the children and re-evaluates on change. A lost session re-joins with a new znode.
 */
final class MasterElection implements AutoCloseable {
    private final ZkUrl zk;
    private final MasterInfo self;
    private final int sessionTimeoutMs;
    private final Consumer<Optional<MasterInfo>> onLeaderChange;
    private volatile ZooKeeper client;
    private volatile String ownNode;
    private volatile Optional<MasterInfo> leader = Optional.empty();
    private volatile boolean closed;

    MasterElection(ZkUrl zk, MasterInfo self, int sessionTimeoutMs, Consumer<Optional<MasterInfo>> onLeaderChange) {
        this.zk = zk;
        this.self = self;
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.onLeaderChange = onLeaderChange;
    }

    void start() throws IOException {
        client = new ZooKeeper(zk.connectString(), sessionTimeoutMs, this::onEvent);
    }

    Optional<MasterInfo> leader() {
        return leader;
    }

    boolean leading() {
        return leader.map(l -> l.id().equals(self.id())).orElse(false);
    }

    String ownNode() {
        return ownNode;
    }

    private void onEvent(WatchedEvent event) {
        if (closed) {
            return;
        }
        if (event.getState() == Watcher.Event.KeeperState.SyncConnected && event.getType() == Watcher.Event.EventType.None) {
            join();
        } else if (event.getState() == Watcher.Event.KeeperState.Expired) {
            ownNode = null;
            setLeader(Optional.empty());
            try {
                start();
            } catch (IOException e) {
                System.err.println("mesos-master: cannot reconnect to ZooKeeper: " + e.getMessage());
            }
        } else if (event.getType() == Watcher.Event.EventType.NodeChildrenChanged) {
            evaluate();
        }
    }

    private synchronized void join() {
        try {
            ensurePath();
            if (ownNode == null || client.exists(zk.path() + "/" + ownNode, false) == null) {
                String created = client.create(zk.path() + "/" + MasterDetector.PREFIX,
                        Json.MAPPER.writeValueAsBytes(self.toJson()), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
                ownNode = created.substring(created.lastIndexOf('/') + 1);
            }
            evaluate();
        } catch (KeeperException | IOException e) {
            System.err.println("mesos-master: joining the ZooKeeper group failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensurePath() throws KeeperException, InterruptedException {
        StringBuilder path = new StringBuilder();
        for (String part : zk.path().split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path.append('/').append(part);
            try {
                client.create(path.toString(), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException alreadyThere) {
                // Another master made it first: fine.
            }
        }
    }

    private synchronized void evaluate() {
        try {
            List<String> children = client.getChildren(zk.path(), true);
            Optional<String> lowest = MasterDetector.leaderNode(children);
            Optional<MasterInfo> found = Optional.empty();
            if (lowest.isPresent()) {
                byte[] data = client.getData(zk.path() + "/" + lowest.get(), false, null);
                found = Optional.of(MasterInfo.fromJson(Json.MAPPER.readTree(data)));
            }
            setLeader(found);
        } catch (KeeperException | IOException e) {
            System.err.println("mesos-master: reading the ZooKeeper group failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void setLeader(Optional<MasterInfo> next) {
        Optional<MasterInfo> previous = leader;
        leader = next;
        if (!previous.map(MasterInfo::id).equals(next.map(MasterInfo::id))) {
            onLeaderChange.accept(next);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        if (client != null) {
            client.close();
        }
    }
}
