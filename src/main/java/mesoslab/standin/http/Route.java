package mesoslab.standin.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A method plus a path pattern. Segments {@code {name}} capture one path segment; a final
 * {@code {name...}} captures the rest of the path (slashes included). {@code *} as method
 * matches any method.
 */
record Route(String method, String pattern, Handler handler) {

    Optional<Map<String, String>> match(String requestMethod, String path) {
        if (!method.equals("*") && !method.equals(requestMethod)) {
            return Optional.empty();
        }
        String[] want = split(pattern);
        String[] have = split(path);
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            String w = want[i];
            if (w.startsWith("{") && w.endsWith("...}")) {
                if (i > have.length) {
                    return Optional.empty();
                }
                String rest = String.join("/", java.util.Arrays.copyOfRange(have, Math.min(i, have.length), have.length));
                params.put(w.substring(1, w.length() - 4), rest);
                return Optional.of(params);
            }
            if (i >= have.length) {
                return Optional.empty();
            }
            if (w.startsWith("{") && w.endsWith("}")) {
                params.put(w.substring(1, w.length() - 1), have[i]);
            } else if (!w.equals(have[i])) {
                return Optional.empty();
            }
        }
        return want.length == have.length ? Optional.of(params) : Optional.empty();
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    /** The code behind a route. */
    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }
}
