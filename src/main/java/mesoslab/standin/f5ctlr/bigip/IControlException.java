package mesoslab.standin.f5ctlr.bigip;

/**
 * An iControl REST call failed. {@link #status()} is the HTTP status, or 0 when the BIG-IP could
 * not be reached at all; the message carries BIG-IP's own {@code message} text when it sent one.
 */
public class IControlException extends Exception {
    private final int status;

    public IControlException(int status, String message) {
        super(message);
        this.status = status;
    }

    public IControlException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }

    /** No answer at all: connection refused, TLS failure, timeout. Further calls in this pass are pointless. */
    public boolean unreachable() {
        return status == 0;
    }
}
