package mesoslab.vars;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON exactly as Python's {@code json.dumps(value, sort_keys=True, indent=4,
 * ensure_ascii=False)} does, so {@code mesoslab inventory --list} is byte-identical to
 * {@code ansible-inventory --list}.
 */
public final class PythonJson {
    private PythonJson() {}

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.toString();
    }

    private static void write(Object value, int level, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double d) {
            out.append(formatDouble(d));
        } else if (value instanceof Float f) {
            out.append(formatDouble(f.doubleValue()));
        } else if (value instanceof BigDecimal big) {
            out.append(formatDouble(big.doubleValue()));
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append("{\n");
            int i = 0;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                out.append("    ".repeat(level + 1));
                string(e.getKey(), out);
                out.append(": ");
                write(e.getValue(), level + 1, out);
                out.append(++i < sorted.size() ? ",\n" : "\n");
            }
            out.append("    ".repeat(level)).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append("    ".repeat(level + 1));
                write(list.get(i), level + 1, out);
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            out.append("    ".repeat(level)).append(']');
        } else {
            string(String.valueOf(value), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python's float repr: shortest round-trip digits, {@code 1.0}, {@code 1e-05}, {@code inf} as Infinity. */
    static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return String.format("%.1f", d);
        }
        String java = Double.toString(d);
        int e = java.indexOf('E');
        if (e < 0) {
            return java;
        }
        String mantissa = java.substring(0, e);
        int exponent = Integer.parseInt(java.substring(e + 1));
        if (exponent >= -4 && exponent < 16) {
            return new BigDecimal(java).toPlainString();
        }
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
