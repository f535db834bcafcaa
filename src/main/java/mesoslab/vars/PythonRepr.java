package mesoslab.vars;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Python's {@code str()} of a value, which {@code ansible-inventory --graph --vars} prints:
 * {@code True}, {@code None}, {@code ['a', 'b']}, {@code {'k': 1}}.
 */
public final class PythonRepr {
    private PythonRepr() {}

    public static String str(Object value) {
        return value instanceof String s ? s : repr(value);
    }

    public static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Double d) {
            return PythonJson.formatDouble(d);
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> j.add(repr(k) + ": " + repr(v)));
            return j.toString();
        }
        if (value instanceof List<?> list) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            list.forEach(v -> j.add(repr(v)));
            return j.toString();
        }
        return String.valueOf(value);
    }

    private static String quote(String s) {
        char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == q) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(q).toString();
    }
}
