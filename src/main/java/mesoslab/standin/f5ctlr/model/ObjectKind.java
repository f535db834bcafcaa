package mesoslab.standin.f5ctlr.model;

/**
 * The iControl REST collections the controller reads in a managed partition. Virtuals, pools and
 * monitors are reconciled; nodes and virtual addresses are only garbage-collected, because the
 * BIG-IP creates them itself when a member or a destination first names an address.
 */
public enum ObjectKind {
    VIRTUAL("ltm/virtual"),
    POOL("ltm/pool"),
    MONITOR_HTTP("ltm/monitor/http"),
    MONITOR_HTTPS("ltm/monitor/https"),
    MONITOR_TCP("ltm/monitor/tcp"),
    MONITOR_UDP("ltm/monitor/udp"),
    MONITOR_GATEWAY_ICMP("ltm/monitor/gateway-icmp"),
    NODE("ltm/node"),
    VIRTUAL_ADDRESS("ltm/virtual-address");

    private final String collection;

    ObjectKind(String collection) {
        this.collection = collection;
    }

    /** The collection below {@code /mgmt/tm/}, without slashes at either end. */
    public String collection() {
        return collection;
    }

    public boolean isMonitor() {
        return collection.startsWith("ltm/monitor/");
    }

    /** The monitor type word used in monitor names ({@code http}, {@code tcp}, ...). */
    public String monitorType() {
        return collection.substring(collection.lastIndexOf('/') + 1);
    }
}
