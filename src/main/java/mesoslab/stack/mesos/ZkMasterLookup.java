package mesoslab.stack.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.apache.zookeeper.KeeperException;
import mesoslab.stack.zookeeper.ZkClients;
import org.apache.zookeeper.ZooKeeper;

/**
 * The leading master as ZooKeeper records it: Mesos masters hold ephemeral sequential
 * {@code json.info_NNNNNNNNNN} znodes under the {@code --zk} path, each with the MasterInfo JSON;
 * the lowest sequence number leads.
 */
public final class ZkMasterLookup {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "json.info_";

    private ZkMasterLookup() {}

    /** "ip:port" of the leader, null when no master holds a znode, or an IOException saying why not. */
    public static String leader(String zkUrl, Duration timeout) throws IOException {
        ZkUrl url = ZkUrl.parse(zkUrl);
        try (ZooKeeper zk = ZkClients.connect(url.servers(), "ZooKeeper at " + url.servers(), timeout)) {
            List<String> children = zk.getChildren(url.path(), false);
            String lowest = children.stream().filter(c -> c.startsWith(PREFIX))
                    .min(Comparator.comparingLong(c -> Long.parseLong(c.substring(PREFIX.length())))).orElse(null);
            if (lowest == null) {
                return null;
            }
            JsonNode info = JSON.readTree(zk.getData(url.path() + "/" + lowest, false, null));
            String ip = info.path("address").path("ip").asText(info.path("hostname").asText());
            int port = info.path("address").path("port").asInt(info.path("port").asInt());
            return ip + ":" + port;
        } catch (KeeperException.NoNodeException e) {
            return null;
        } catch (KeeperException e) {
            throw new IOException("ZooKeeper: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** {@code zk://host:port,host:port/path} (credentials, if any, are not needed to read). */
    record ZkUrl(String servers, String path) {
        static ZkUrl parse(String url) {
            if (url == null || !url.startsWith("zk://")) {
                throw new IllegalArgumentException("not a zk:// URL: " + url);
            }
            String rest = url.substring("zk://".length());
            int at = rest.indexOf('@');
            int slash = rest.indexOf('/', Math.max(0, at));
            if (slash < 0) {
                throw new IllegalArgumentException("no path in " + url + " (e.g. zk://h1:2181,h2:2181/mesos)");
            }
            return new ZkUrl(rest.substring(at + 1, slash), rest.substring(slash));
        }
    }
}
