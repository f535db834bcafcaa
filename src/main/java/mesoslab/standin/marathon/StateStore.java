package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import mesoslab.standin.http.Json;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * What a new leader must find: the framework id, the apps, the instances and the unfinished
 * deployments, kept under {@code <zk path>/state} like Marathon's ZooKeeper store
 * ({@code framework-id}, {@code apps/<url-encoded id>}, {@code instances/<instance id>},
 * {@code deployments/<deployment id>}; real Marathon's sub-layout differs).
 * Writes are synchronous: loopback ZooKeeper answers in about a millisecond.
 */
final class StateStore {
    private final Supplier<ZooKeeper> zk;
    private final String root;

    StateStore(Supplier<ZooKeeper> zk, String zkPath) {
        this.zk = zk;
        this.root = ("/".equals(zkPath) ? "" : zkPath) + "/state";
    }

    Optional<String> frameworkId() {
        return read(root + "/framework-id").map(b -> new String(b, StandardCharsets.UTF_8));
    }

    void frameworkId(String id) {
        write(root + "/framework-id", id.getBytes(StandardCharsets.UTF_8));
    }

    void putApp(String appId, JsonNode definition) {
        write(root + "/apps/" + encode(appId), json(definition));
    }

    void deleteApp(String appId) {
        delete(root + "/apps/" + encode(appId));
    }

    void putInstance(Instance instance) {
        write(root + "/instances/" + instance.instanceId, json(instance.toStored()));
    }

    void deleteInstance(String instanceId) {
        delete(root + "/instances/" + instanceId);
    }

    void putDeployment(Deployment deployment) {
        write(root + "/deployments/" + deployment.id(), json(deployment.toStored()));
    }

    void deleteDeployment(String deploymentId) {
        delete(root + "/deployments/" + deploymentId);
    }

    /** deployment id → stored deployment. */
    Map<String, JsonNode> deployments() {
        return children(root + "/deployments", false);
    }

    /** app id → stored definition. */
    Map<String, JsonNode> apps() {
        return children(root + "/apps", true);
    }

    Map<String, JsonNode> instances() {
        return children(root + "/instances", false);
    }

    private Map<String, JsonNode> children(String path, boolean decode) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try {
            ZkPaths.ensure(zk.get(), path);
            for (String child : zk.get().getChildren(path, false)) {
                Optional<byte[]> data = read(path + "/" + child);
                if (data.isPresent()) {
                    out.put(decode ? URLDecoder.decode(child, StandardCharsets.UTF_8) : child, Json.MAPPER.readTree(data.get()));
                }
            }
        } catch (KeeperException | IOException e) {
            throw new StoreException("reading " + path + " from ZooKeeper failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    private Optional<byte[]> read(String path) {
        try {
            return Optional.of(zk.get().getData(path, false, null));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (KeeperException e) {
            throw new StoreException("reading " + path + " from ZooKeeper failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void write(String path, byte[] data) {
        try {
            try {
                zk.get().setData(path, data, -1);
            } catch (KeeperException.NoNodeException e) {
                ZkPaths.ensure(zk.get(), path.substring(0, path.lastIndexOf('/')));
                zk.get().create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
        } catch (KeeperException e) {
            throw new StoreException("writing " + path + " to ZooKeeper failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void delete(String path) {
        try {
            zk.get().delete(path, -1);
        } catch (KeeperException.NoNodeException gone) {
            // already deleted
        } catch (KeeperException e) {
            throw new StoreException("deleting " + path + " in ZooKeeper failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] json(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String appId) {
        return URLEncoder.encode(appId, StandardCharsets.UTF_8);
    }

    /** ZooKeeper could not be read or written; the leader steps down rather than act on stale state. */
    static final class StoreException extends RuntimeException {
        StoreException(String message, Throwable cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }
}
