package mesoslab.standin.mesosdns;

/**
 * A {@code zk://host1:2181,host2:2181/path} URL split into the client's connect string and the
 * znode path under which the Mesos masters contend.
 */
public record ZkUrl(String connectString, String path) {

    public static ZkUrl parse(String url, String key) throws ConfigException {
        if (!url.startsWith("zk://")) {
            throw new ConfigException("config key \"" + key + "\" must look like zk://host:2181[,host:2181...]/path, not \"" + url + "\"");
        }
        String rest = url.substring("zk://".length());
        int at = rest.indexOf('@');
        int slash = rest.indexOf('/');
        if (at >= 0 && (slash < 0 || at < slash)) {
            rest = rest.substring(at + 1); // user:password@ is not used for reading the master znodes
            slash = rest.indexOf('/');
        }
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new ConfigException("config key \"" + key + "\" needs hosts and a znode path, as in zk://host:2181/mesos, not \"" + url + "\"");
        }
        String path = rest.substring(slash).replaceAll("/+$", "");
        return new ZkUrl(rest.substring(0, slash), path);
    }
}
