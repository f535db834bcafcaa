package mesoslab.standin.f5ctlr.model;

import java.util.List;
import java.util.SortedSet;

/**
 * A pool as far as the controller cares: members compare by name only ({@code <ip>%<rd>:<port>}),
 * so session/state values BIG-IP reports back ({@code monitor-enabled}, {@code up}) never cause an
 * update.
 *
 * @param monitors full paths of the pool's monitors, sorted; empty means BIG-IP's {@code default}
 */
public record Pool(String partition, String name, String loadBalancingMode, List<String> monitors, SortedSet<String> members)
        implements BigIpObject {
    public Pool {
        monitors = List.copyOf(monitors);
        members = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(members));
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.POOL;
    }
}
