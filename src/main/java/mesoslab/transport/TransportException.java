package mesoslab.transport;

import mesoslab.common.MesoslabException;

/** A connection-level problem on one host (not a command's own failure). */
public class TransportException extends MesoslabException {
    private final String host;

    public TransportException(String host, String message, String hint, Throwable cause) {
        super(host + ": " + message, hint, cause);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
