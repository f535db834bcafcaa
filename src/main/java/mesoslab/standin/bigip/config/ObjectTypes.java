package mesoslab.standin.bigip.config;

import java.util.List;
import java.util.Optional;

/**
 * Every collection the stand-in serves. Besides the objects the lab uses, the collections the
 * controller's refresh reads (rules, data groups, policies, iApp services, the other monitor
 * types) are kept too, so its request sequence meets real, empty collections rather than 404s.
 */
public final class ObjectTypes {
    public static final ObjectType VIRTUAL = new ObjectType("ltm/virtual", "Virtual Server", List.of("profiles", "policies"));
    public static final ObjectType POOL = new ObjectType("ltm/pool", "Pool", List.of("members"));
    public static final ObjectType NODE = new ObjectType("ltm/node", "Node", List.of());
    public static final ObjectType VIRTUAL_ADDRESS = new ObjectType("ltm/virtual-address", "Virtual Address", List.of());
    public static final ObjectType MONITOR_HTTP = new ObjectType("ltm/monitor/http", "Monitor", List.of());
    public static final ObjectType MONITOR_TCP = new ObjectType("ltm/monitor/tcp", "Monitor", List.of());

    public static final List<ObjectType> ALL = List.of(
            VIRTUAL, POOL, NODE, VIRTUAL_ADDRESS, MONITOR_HTTP, MONITOR_TCP,
            new ObjectType("ltm/monitor/https", "Monitor", List.of()),
            new ObjectType("ltm/monitor/udp", "Monitor", List.of()),
            new ObjectType("ltm/monitor/gateway-icmp", "Monitor", List.of()),
            new ObjectType("ltm/rule", "Rule", List.of()),
            new ObjectType("ltm/data-group/internal", "Data Group", List.of()),
            new ObjectType("ltm/policy", "Policy", List.of("rules")),
            new ObjectType("sys/application/service", "Application Service", List.of()));

    /** The monitor collections: a pool's {@code monitor} may name an object in any of them. */
    public static final List<ObjectType> MONITORS = ALL.stream().filter(t -> t.path().startsWith("ltm/monitor/")).toList();

    private ObjectTypes() {}

    /** The type whose collection path is {@code path} exactly. */
    public static Optional<ObjectType> byPath(String path) {
        return ALL.stream().filter(t -> t.path().equals(path)).findFirst();
    }
}
