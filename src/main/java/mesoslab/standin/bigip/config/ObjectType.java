package mesoslab.standin.bigip.config;

import java.util.List;

/**
 * One iControl REST collection the stand-in keeps, e.g. {@code ltm/pool}.
 *
 * @param path           the collection's path under {@code /mgmt/tm/}
 * @param label          how mcpd names the type in messages ("Pool", "Virtual Server")
 * @param subcollections names of sub-collections kept inside each object ("members", "profiles")
 */
public record ObjectType(String path, String label, List<String> subcollections) {

    /** The last path segment, which F5 repeats in the kind ("pool" in {@code tm:ltm:pool:poolstate}). */
    public String leaf() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public String kind() {
        return "tm:" + path.replace('/', ':') + ":" + leaf() + "state";
    }

    public String collectionKind() {
        return "tm:" + path.replace('/', ':') + ":" + leaf() + "collectionstate";
    }

    public String subKind(String sub) {
        return "tm:" + path.replace('/', ':') + ":" + sub + ":" + sub + "state";
    }

    public String subCollectionKind(String sub) {
        return "tm:" + path.replace('/', ':') + ":" + sub + ":" + sub + "collectionstate";
    }
}
