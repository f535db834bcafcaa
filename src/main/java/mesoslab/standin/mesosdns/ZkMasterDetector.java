package mesoslab.standin.mesosdns;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import mesoslab.standin.http.Json;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * Follows the Mesos masters' leader election in ZooKeeper as mesos-go's detector does: the
 * children {@code json.info_<seq>} of the {@code zk} path are the live masters, the lowest sequence
 * is the leader, and each holds a MasterInfo JSON whose {@code address.ip}/{@code address.port}
 * give the master's address. Watches keep it current; every change is reported as the masters
 * list, leader first ({@code ""} first when there is no leader).
 */
public final class ZkMasterDetector implements AutoCloseable {
    static final String PREFIX = "json.info_";

    private final ZkUrl url;
    private final int sessionTimeoutMs;
    private final Consumer<List<String>> onChange;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mesos-dns-zk");
        thread.setDaemon(true);
        return thread;
    });
    private final Watcher watcher = this::onEvent;
    private volatile ZooKeeper zk;
    private volatile boolean closed;

    public ZkMasterDetector(ZkUrl url, int sessionTimeoutMs, Consumer<List<String>> onChange) {
        this.url = url;
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.onChange = onChange;
    }

    public void start() throws IOException {
        zk = new ZooKeeper(url.connectString(), sessionTimeoutMs, watcher);
    }

    private void onEvent(WatchedEvent event) {
        if (closed) {
            return;
        }
        if (event.getState() == Watcher.Event.KeeperState.Expired) {
            worker.execute(this::reconnect);
            return;
        }
        if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
            // Connected, or a children/creation watch fired: read the masters again.
            worker.execute(this::refresh);
        }
    }

    private void reconnect() {
        try {
            zk.close();
            start();
        } catch (IOException | InterruptedException e) {
            onChange.accept(List.of(""));
        }
    }

    private void refresh() {
        if (closed) {
            return;
        }
        try {
            List<String> children;
            try {
                children = zk.getChildren(url.path(), watcher);
            } catch (KeeperException.NoNodeException e) {
                zk.exists(url.path(), watcher); // wait for the first master to create the path
                onChange.accept(List.of(""));
                return;
            }
            List<String> contenders = new ArrayList<>(children.stream().filter(c -> c.startsWith(PREFIX)).toList());
            contenders.sort(Comparator.comparingLong(ZkMasterDetector::sequence));
            List<String> masters = new ArrayList<>();
            for (String child : contenders) {
                try {
                    String address = address(Json.MAPPER.readTree(zk.getData(url.path() + "/" + child, false, null)));
                    if (!address.isEmpty() && !masters.contains(address)) {
                        masters.add(address);
                    }
                } catch (KeeperException.NoNodeException | IOException e) {
                    // that master went away or wrote something unreadable: skip it
                }
            }
            onChange.accept(masters.isEmpty() ? List.of("") : List.copyOf(masters));
        } catch (KeeperException e) {
            // connection loss: the watcher's next SyncConnected event refreshes again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long sequence(String child) {
        try {
            return Long.parseLong(child.substring(child.lastIndexOf('_') + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code ip:port} of a MasterInfo: {@code address} (Mesos ≥ 0.24), else the legacy fields. */
    static String address(JsonNode info) {
        JsonNode address = info.path("address");
        String host = address.path("ip").asText("");
        if (host.isEmpty()) {
            host = address.path("hostname").asText("");
        }
        int port = address.path("port").asInt(info.path("port").asInt(0));
        if (host.isEmpty() && info.path("ip").isIntegralNumber()) {
            // Legacy uint32 holding the network-order bytes read as a little-endian integer.
            long ip = info.path("ip").asLong();
            host = (ip & 0xff) + "." + ((ip >> 8) & 0xff) + "." + ((ip >> 16) & 0xff) + "." + ((ip >> 24) & 0xff);
        }
        if (host.isEmpty()) {
            host = info.path("hostname").asText("");
        }
        if (host.isEmpty() || port == 0) {
            return "";
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            if (zk != null) {
                zk.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
