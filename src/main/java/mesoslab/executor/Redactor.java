package mesoslab.executor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mesoslab.common.Secret;

/**
 * Keeps secrets out of every output: the values of variables whose names say they are secret
 * ({@code *password*}, {@code *secret*}, {@code *token*}, {@code *passphrase*}) are masked
 * wherever they appear in a result, a message or a diff.
 */
final class Redactor {
    static final String NO_LOG = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";
    private final Set<String> secrets;

    private Redactor(Set<String> secrets) {
        this.secrets = secrets;
    }

    static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("token") || lower.contains("passphrase");
    }

    /** A redactor for the secret values among {@code vars} (longest first, so overlaps mask whole). */
    static Redactor of(Map<String, Object> vars) {
        Set<String> values = new TreeSet<>((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.compareTo(b));
        // Only secret-named variables are read (and so rendered): reading all would render every
        // variable of the host for every task.
        List.copyOf(vars.keySet()).stream().filter(Redactor::isSecretName).forEach(k -> {
            Object v = vars.get(k);
            if (v != null && !(v instanceof Map) && !(v instanceof List)) {
                String s = String.valueOf(v);
                if (s.length() >= 3) {
                    values.add(s);
                }
            }
        });
        return new Redactor(values);
    }

    String text(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, Secret.MASK);
        }
        return out;
    }

    Object value(Object value) {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), isSecretName(String.valueOf(k)) && v != null ? Secret.MASK : value(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(value(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> result(Map<String, Object> result, boolean noLog) {
        if (noLog) {
            Map<String, Object> censored = new LinkedHashMap<>();
            censored.put("censored", NO_LOG);
            censored.put("changed", result.get("changed"));
            if (Boolean.TRUE.equals(result.get("failed"))) {
                censored.put("failed", true);
            }
            return censored;
        }
        return (Map<String, Object>) value(result);
    }
}
