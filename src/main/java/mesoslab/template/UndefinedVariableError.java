package mesoslab.template;

import mesoslab.common.SourceLocation;

/** A template or expression used a variable that no layer defines. */
public final class UndefinedVariableError extends TemplateError {
    private final String variable;

    public UndefinedVariableError(SourceLocation location, String host, String variable, String context, Throwable cause) {
        super(location, host, "undefined variable '" + variable + "'" + context,
                "Define '" + rootName(variable) + "' in the inventory, the play's vars or with -e, or give a default: "
                        + variable + "!'value'",
                cause);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }

    /** The top-level name of an expression such as {@code hostvars[x].zk_id} or {@code a.b}. */
    static String rootName(String expression) {
        int end = 0;
        while (end < expression.length() && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_')) {
            end++;
        }
        return end == 0 ? expression : expression.substring(0, end);
    }
}
