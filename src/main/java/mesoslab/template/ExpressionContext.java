package mesoslab.template;

import mesoslab.common.SourceLocation;

/**
 * Where an expression was written and for which host it is evaluated, so errors can say both.
 *
 * @param location where the string holding the expression starts
 * @param exact    true when columns in the string map one-to-one onto the file (a plain,
 *                 single-line YAML scalar), so an error can point at the expression itself
 * @param host     the host the expression is evaluated for, or null
 */
public record ExpressionContext(SourceLocation location, boolean exact, String host) {
    public static ExpressionContext at(SourceLocation location) {
        return new ExpressionContext(location, false, null);
    }

    public ExpressionContext forHost(String hostName) {
        return new ExpressionContext(location, exact, hostName);
    }

    SourceLocation at(int offset) {
        return location == null || !exact ? location : location.shifted(0, offset);
    }
}
