package mesoslab.common;

/**
 * Something in the user's input (inventory, playbook, template, flags) is wrong. Raised before
 * anything touches a host; the CLI exits with code 2.
 *
 * <p>The message reads {@code "<location>: <what> <why>"}, the hint says how to fix it.
 */
public class InvalidInputException extends MesoslabException {
    private final SourceLocation location;

    public InvalidInputException(SourceLocation location, String problem, String hint) {
        this(location, problem, hint, null);
    }

    public InvalidInputException(SourceLocation location, String problem, String hint, Throwable cause) {
        super(location == null ? problem : location + ": " + problem, hint, cause);
        this.location = location;
    }

    /** Where the mistake is; null when it is not in a file (a command-line flag, say). */
    public SourceLocation location() {
        return location;
    }
}
