package mesoslab.standin.bigip.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a new BIG-IP has before anyone configures it: the {@code Common} partition and the
 * built-in monitors a pool may name ({@code /Common/http}, {@code /Common/tcp}, ...), with
 * generation 0 as BIG-IP reports for shipped objects.
 */
final class FactoryDefaults {
    private FactoryDefaults() {}

    static Config config() {
        Config config = new Config();
        ObjectNode common = Shapes.defaults("auth/partition");
        Partitions.identify(common, ObjectId.COMMON, 0);
        common.put("description", "Repository for system objects and shared objects.");
        config.partitionMap().put(ObjectId.COMMON, common);
        builtIn(config, ObjectTypes.MONITOR_HTTP, "http");
        builtIn(config, ObjectTypes.MONITOR_TCP, "tcp");
        ObjectTypes.byPath("ltm/monitor/https").ifPresent(type -> builtIn(config, type, "https"));
        ObjectTypes.byPath("ltm/monitor/udp").ifPresent(type -> builtIn(config, type, "udp"));
        ObjectTypes.byPath("ltm/monitor/gateway-icmp").ifPresent(type -> builtIn(config, type, "gateway_icmp"));
        return config;
    }

    private static void builtIn(Config config, ObjectType type, String name) {
        ObjectNode monitor = Shapes.defaults(type.path());
        monitor.remove("defaultsFrom");
        ObjectId id = new ObjectId(ObjectId.COMMON, name);
        monitor.put("name", name).put("partition", id.partition()).put("fullPath", id.fullPath()).put("generation", 0);
        config.map(type).put(id.fullPath(), monitor);
    }
}
