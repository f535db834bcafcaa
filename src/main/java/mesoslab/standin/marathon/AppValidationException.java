package mesoslab.standin.marathon;

import java.util.List;

/**
 * An app definition Marathon would refuse with 422: {@code message} is "Object is not valid"
 * for rule violations, "Invalid JSON" for wrong types, and {@code details} lists each path.
 */
final class AppValidationException extends Exception {
    private final transient List<Violation> details;

    AppValidationException(String message, List<Violation> details) {
        super(message + ": " + details);
        this.details = List.copyOf(details);
    }

    String title() {
        return getMessage().substring(0, getMessage().indexOf(':'));
    }

    List<Violation> details() {
        return details;
    }
}
