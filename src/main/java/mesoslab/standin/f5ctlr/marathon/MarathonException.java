package mesoslab.standin.f5ctlr.marathon;

/** Marathon could not be read: no URL answered, or the answer was not what Marathon sends. */
public class MarathonException extends Exception {
    public MarathonException(String message) {
        super(message);
    }

    public MarathonException(String message, Throwable cause) {
        super(message, cause);
    }
}
