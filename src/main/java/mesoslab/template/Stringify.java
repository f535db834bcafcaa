package mesoslab.template;

import java.util.List;
import java.util.Map;
import mesoslab.common.SourceLocation;

/** How an expression's value reads inside a longer string. */
final class Stringify {
    private Stringify() {}

    static String of(Object value, String expression, SourceLocation where, String host) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.math.BigDecimal big) {
            return big.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d.longValue());
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new TemplateError(where, host,
                    "'{{ " + expression + " }}' is " + (value instanceof Map ? "a mapping" : "a list") + " and cannot be put inside a longer string",
                    "Make the whole value just '{{ " + expression + " }}', or join it: {{ " + expression + "?join(',') }}", null);
        }
        return String.valueOf(value);
    }
}
