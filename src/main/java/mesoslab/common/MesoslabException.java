package mesoslab.common;

/**
 * Root of every error mesoslab reports to a user. The message says what went wrong and where;
 * {@link #hint()} says how to fix it. The CLI maps each subtype to an exit code in one place.
 */
public abstract class MesoslabException extends RuntimeException {
    private final String hint;

    protected MesoslabException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint == null ? "" : hint;
    }

    /** How to fix it, in one sentence; empty when there is nothing useful to say. */
    public String hint() {
        return hint;
    }

    /** The message and the hint as the one paragraph a user reads. */
    public String paragraph() {
        String message = getMessage();
        if (hint.isEmpty()) {
            return message;
        }
        boolean closed = message.endsWith(".") || message.endsWith("?") || message.endsWith("!");
        return message + (closed ? " " : ". ") + hint;
    }
}
