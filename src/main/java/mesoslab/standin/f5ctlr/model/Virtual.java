package mesoslab.standin.f5ctlr.model;

import java.util.List;

/**
 * A virtual server. {@code destination} is always written with the route domain,
 * {@code /mesos/10.2.10.81%0:80}, so that BIG-IP's rd-0 shorthand and the explicit form compare
 * equal; profiles compare by partition and name only (context is BIG-IP's business).
 */
public record Virtual(String partition, String name, String destination, String ipProtocol, String pool,
        List<ProfileRef> profiles, Snat snat, boolean enabled) implements BigIpObject {
    public Virtual {
        profiles = profiles.stream().sorted().toList();
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.VIRTUAL;
    }

    /** A profile attached to a virtual server, such as {@code /Common/http}. */
    public record ProfileRef(String partition, String name) implements Comparable<ProfileRef> {
        @Override
        public int compareTo(ProfileRef o) {
            int c = partition.compareTo(o.partition);
            return c != 0 ? c : name.compareTo(o.name);
        }
    }

    /** {@code sourceAddressTranslation}: {@code automap}, {@code none}, or {@code snat} with a pool. */
    public record Snat(String type, String pool) {
        public static final Snat AUTOMAP = new Snat("automap", "");
    }
}
