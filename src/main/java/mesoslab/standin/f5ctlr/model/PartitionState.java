package mesoslab.standin.f5ctlr.model;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the controller manages in one partition: either what it wants (nodes and virtual
 * addresses empty, nothing unmanaged) or what the BIG-IP holds.
 *
 * @param monitors         keyed by {@link #monitorKey}
 * @param nodes            canonical node name ({@code ip%rd}) to the name BIG-IP spells
 * @param virtualAddresses canonical address ({@code ip%rd}) to the name BIG-IP spells
 * @param unmanaged        objects the controller must leave alone: whitelisted with metadata
 *                         {@code cccl-whitelist}, or owned by an iApp ({@code appService} set);
 *                         keyed by {@link #key}
 */
public record PartitionState(String partition, int routeDomain, Map<String, Virtual> virtuals, Map<String, Pool> pools,
        Map<String, Monitor> monitors, Map<String, String> nodes, Map<String, String> virtualAddresses, Set<String> unmanaged) {

    public PartitionState {
        // Sorted, so that operations come out in the same order on every pass.
        virtuals = Collections.unmodifiableMap(new TreeMap<>(virtuals));
        pools = Collections.unmodifiableMap(new TreeMap<>(pools));
        monitors = Collections.unmodifiableMap(new TreeMap<>(monitors));
        nodes = Collections.unmodifiableMap(new TreeMap<>(nodes));
        virtualAddresses = Collections.unmodifiableMap(new TreeMap<>(virtualAddresses));
        unmanaged = Collections.unmodifiableSet(new TreeSet<>(unmanaged));
    }

    public static PartitionState empty(String partition, int routeDomain) {
        return new PartitionState(partition, routeDomain, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Set.of());
    }

    public static String monitorKey(ObjectKind kind, String name) {
        return kind.monitorType() + "/" + name;
    }

    public static String key(ObjectKind kind, String name) {
        return kind.collection() + "/" + name;
    }

    public boolean isUnmanaged(ObjectKind kind, String name) {
        return unmanaged.contains(key(kind, name));
    }

    /** A mutable builder, used by the desired-state builder and the BIG-IP state reader. */
    public static final class Builder {
        private final String partition;
        private final int routeDomain;
        private final Map<String, Virtual> virtuals = new TreeMap<>();
        private final Map<String, Pool> pools = new TreeMap<>();
        private final Map<String, Monitor> monitors = new TreeMap<>();
        private final Map<String, String> nodes = new TreeMap<>();
        private final Map<String, String> virtualAddresses = new TreeMap<>();
        private final Set<String> unmanaged = new TreeSet<>();

        public Builder(String partition, int routeDomain) {
            this.partition = partition;
            this.routeDomain = routeDomain;
        }

        public Builder add(BigIpObject object) {
            // Java 17 has no pattern switch yet; the sealed interface keeps this list complete.
            if (object instanceof Virtual v) {
                virtuals.put(v.name(), v);
            } else if (object instanceof Pool p) {
                pools.put(p.name(), p);
            } else if (object instanceof Monitor m) {
                monitors.put(monitorKey(m.kind(), m.name()), m);
            }
            return this;
        }

        public Builder node(String canonical, String actual) {
            nodes.put(canonical, actual);
            return this;
        }

        public Builder virtualAddress(String canonical, String actual) {
            virtualAddresses.put(canonical, actual);
            return this;
        }

        public Builder unmanaged(ObjectKind kind, String name) {
            unmanaged.add(key(kind, name));
            return this;
        }

        public PartitionState build() {
            return new PartitionState(partition, routeDomain, virtuals, pools, monitors, nodes, virtualAddresses, unmanaged);
        }
    }
}
