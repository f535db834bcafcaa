package mesoslab.transport;

/** The host answered but refused every credential offered. */
public final class AuthenticationException extends HostUnreachableException {
    public AuthenticationException(String host, String message, String hint, Throwable cause) {
        super(host, message, hint, cause);
    }
}
