package mesoslab.standin.marathon;

/** A flag Marathon would refuse; the message reads like its (scallop) one. */
public final class FlagException extends Exception {
    public FlagException(String message) {
        super(message);
    }
}
