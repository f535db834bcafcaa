package mesoslab.template;

import java.util.ArrayList;
import java.util.List;
import mesoslab.common.SourceLocation;

/**
 * Splits a YAML string into literal text and {@code {{ expr }}} parts. Only the expression parts
 * go to Freemarker, so a literal {@code ${X}} stays a shell variable.
 */
final class Segments {
    /** A literal ({@code expression == false}) or an expression, with its offset in the string. */
    record Segment(String text, boolean expression, int offset) {}

    private Segments() {}

    static boolean hasExpression(String text) {
        return text.contains("{{");
    }

    static List<Segment> split(String text, ExpressionContext ctx) {
        List<Segment> segments = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int open = text.indexOf("{{", pos);
            if (open < 0) {
                segments.add(new Segment(text.substring(pos), false, pos));
                break;
            }
            if (open > pos) {
                segments.add(new Segment(text.substring(pos, open), false, pos));
            }
            int close = findClose(text, open + 2);
            if (close < 0) {
                SourceLocation where = ctx.at(open);
                throw new TemplateError(where, ctx.host(), "'{{' is never closed in \"" + text + "\"",
                        "Close the expression with '}}'", null);
            }
            String expr = text.substring(open + 2, close).strip();
            if (expr.isEmpty()) {
                throw new TemplateError(ctx.at(open), ctx.host(), "empty expression '{{ }}' in \"" + text + "\"",
                        "Put a variable or expression between the braces, e.g. {{ zk_port }}", null);
            }
            segments.add(new Segment(expr, true, open));
            pos = close + 2;
        }
        return segments;
    }

    /** The index of the closing {@code }}}, skipping quoted strings inside the expression. */
    private static int findClose(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '}' && text.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }
}
