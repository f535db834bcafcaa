package mesoslab.standin.mesos.common;

/**
 * A {@code zk://host1:2181,host2:2181/path} URL split into the connect string and the znode path.
 * Credentials ({@code zk://user:pass@...}) are accepted and dropped: the lab ZooKeeper has no auth.
 */
public record ZkUrl(String connectString, String path) {

    public static ZkUrl parse(String url) {
        if (!url.startsWith("zk://")) {
            throw new IllegalArgumentException("Expecting a 'zk://' URL, got '" + url + "'");
        }
        String rest = url.substring(5);
        int at = rest.indexOf('@');
        int slash = rest.indexOf('/');
        if (at >= 0 && (slash < 0 || at < slash)) {
            rest = rest.substring(at + 1);
            slash = rest.indexOf('/');
        }
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new ZkUrl(hosts, path);
    }
}
