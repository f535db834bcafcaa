package mesoslab.common;

/** A bug in mesoslab itself (exit code 70): never the user's fault. */
public class InternalException extends MesoslabException {
    public InternalException(String message, Throwable cause) {
        super(message, "This is a bug in mesoslab; please report it with the output of the same command run with -v", cause);
    }
}
