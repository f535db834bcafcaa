package mesoslab.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.common.InvalidInputException;
import mesoslab.common.SourceLocation;

/**
 * Ansible's {@code k=v} argument syntax: space-separated pairs, values may be quoted with single
 * or double quotes, a backslash escapes a quote. For free-form modules ({@code command: echo hi
 * chdir=/tmp}) only the module's own option words are taken out; the rest stays, as written,
 * under {@link #RAW}.
 */
public final class KeyValues {
    public static final String RAW = "_raw_params";

    private KeyValues() {}

    /** Parses {@code k=v} pairs; anything else is an error. */
    public static Map<String, String> parse(String text, SourceLocation where) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String token : tokens(text, where)) {
            int eq = token.indexOf('=');
            if (eq <= 0 || !token.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InvalidInputException(where, "'" + token + "' is not a key=value pair",
                        "Write arguments as key=value separated by spaces, quoting values that contain spaces");
            }
            result.put(token.substring(0, eq), unquote(token.substring(eq + 1)));
        }
        return result;
    }

    /** Parses a free-form argument: {@code optionKeys} given as k=v are taken out, the rest is {@link #RAW}. */
    public static Map<String, String> parseFreeForm(String text, SourceLocation where, Set<String> optionKeys) {
        Map<String, String> result = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>();
        for (String token : tokens(text, where)) {
            int eq = token.indexOf('=');
            if (eq > 0 && optionKeys.contains(token.substring(0, eq))) {
                result.put(token.substring(0, eq), unquote(token.substring(eq + 1)));
            } else {
                raw.add(token);
            }
        }
        if (!raw.isEmpty()) {
            result.put(RAW, String.join(" ", raw));
        }
        return result;
    }

    /** Splits on spaces outside quotes and outside {@code {{ }}}; quotes are kept in the tokens. */
    static List<String> tokens(String text, SourceLocation where) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        int braces = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (text.startsWith("{{", i)) {
                braces++;
                current.append("{{");
                i++;
            } else if (braces > 0 && text.startsWith("}}", i)) {
                braces--;
                current.append("}}");
                i++;
            } else if (braces > 0) {
                current.append(c);
            } else if (quote != 0) {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                current.append(c);
            } else if (Character.isWhitespace(c)) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (quote != 0) {
            throw new InvalidInputException(where, "unbalanced quote " + quote + " in '" + text + "'", "Close the quote");
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    /** Ansible decodes backslash escapes in k=v values: {@code content="a\\nb"} holds a newline. */
    private static String decodeEscapes(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '\\' -> out.append('\\');
                    case '"', '\'' -> out.append(n);
                    default -> out.append('\\').append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String unquote(String raw) {
        String value = raw;
        boolean quoted = value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0);
        if (quoted) {
            return decodeEscapes(value.substring(1, value.length() - 1));
        }
        return decodeEscapes(value);
    }

}
