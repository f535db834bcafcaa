package mesoslab.standin.mesos.flags;

/** A flag the component cannot accept; the message reads like the real Mesos one. */
public final class FlagException extends Exception {
    public FlagException(String message) {
        super(message);
    }
}
