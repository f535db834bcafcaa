package mesoslab.standin.f5ctlr.model;

/**
 * A health monitor. {@code send} keeps the literal backslash escapes the controller writes
 * ({@code GET / HTTP/1.0\r\n\r\n} with backslashes, not control characters), as BIG-IP stores it.
 */
public record Monitor(String partition, String name, ObjectKind kind, int interval, int timeout, String send, String recv)
        implements BigIpObject {
    public Monitor {
        if (!kind.isMonitor()) {
            throw new IllegalArgumentException(kind + " is not a monitor kind");
        }
    }
}
