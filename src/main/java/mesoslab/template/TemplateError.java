package mesoslab.template;

import mesoslab.common.InvalidInputException;
import mesoslab.common.SourceLocation;

/**
 * An expression or template could not be evaluated: bad syntax, an undefined variable, a type
 * error. Carries the host it was evaluated for (null when not host-specific).
 */
public class TemplateError extends InvalidInputException {
    private final String host;

    public TemplateError(SourceLocation location, String host, String problem, String hint, Throwable cause) {
        super(location, problem + (host == null ? "" : " (host " + host + ")"), hint, cause);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
