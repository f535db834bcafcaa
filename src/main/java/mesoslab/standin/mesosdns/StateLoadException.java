package mesoslab.standin.mesosdns;

/** No master answered {@code /master/state} usefully; the message says which and why. */
public class StateLoadException extends Exception {
    public StateLoadException(String message) {
        super(message);
    }

    public StateLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
