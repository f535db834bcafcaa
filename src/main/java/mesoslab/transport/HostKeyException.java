package mesoslab.transport;

/**
 * The host's key was refused: unknown (first contact without {@code --accept-new-host-keys}) or
 * changed since it was recorded (always refused: it may be another machine). Nothing ran.
 */
public final class HostKeyException extends HostUnreachableException {
    public HostKeyException(String host, String message, String hint) {
        super(host, message, hint, null);
    }
}
