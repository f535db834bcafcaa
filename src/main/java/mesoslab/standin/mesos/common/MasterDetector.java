package mesoslab.standin.mesos.common;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import mesoslab.standin.http.Json;

/**
 * Finds the leading master the way Mesos' detector does: among the {@code json.info_NNNNNNNNNN}
 * children of the group path, the lowest sequence number leads; its data is the MasterInfo JSON.
 */
public final class MasterDetector {
    public static final String PREFIX = "json.info_";

    private MasterDetector() {}

    public static Optional<String> leaderNode(List<String> children) {
        return children.stream().filter(c -> c.startsWith(PREFIX))
                .min(Comparator.comparingLong(c -> Long.parseLong(c.substring(PREFIX.length()))));
    }

    public static Optional<MasterInfo> leader(ZooKeeper zk, String path) throws InterruptedException {
        try {
            Optional<String> node = leaderNode(zk.getChildren(path, false));
            if (node.isEmpty()) {
                return Optional.empty();
            }
            byte[] data = zk.getData(path + "/" + node.get(), false, null);
            return Optional.of(MasterInfo.fromJson(Json.MAPPER.readTree(data)));
        } catch (KeeperException | java.io.IOException e) {
            // The node vanished between list and read, or ZooKeeper is unreachable: no leader known right now.
            return Optional.empty();
        }
    }
}
