package mesoslab.standin.marathon;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/** Creates a persistent znode path with its parents, tolerating peers that race to create them. */
final class ZkPaths {
    private ZkPaths() {}

    static void ensure(ZooKeeper zk, String path) throws KeeperException, InterruptedException {
        StringBuilder at = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            at.append('/').append(part);
            try {
                zk.create(at.toString(), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException alreadyThere) {
                // made by another Marathon first: fine
            }
        }
    }
}
