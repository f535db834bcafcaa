package mesoslab.transport;

/** The host could not be reached at all (refused, timed out, authentication or host key refused). */
public class HostUnreachableException extends TransportException {
    public HostUnreachableException(String host, String message, String hint, Throwable cause) {
        super(host, message, hint, cause);
    }
}
