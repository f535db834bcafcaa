package mesoslab.standin.marathon;

import java.util.Map;

/** The {@code ?label=} filter of {@code GET /v2/apps}: comma-separated {@code key}, {@code key==v}, {@code key!=v}. */
final class LabelSelector {
    private LabelSelector() {}

    static boolean matches(String selector, Map<String, String> labels) {
        for (String term : selector.split(",")) {
            String t = term.strip();
            if (t.contains("!=")) {
                String[] kv = t.split("!=", 2);
                if (kv[1].strip().equals(labels.get(kv[0].strip()))) {
                    return false;
                }
            } else if (t.contains("==")) {
                String[] kv = t.split("==", 2);
                if (!kv[1].strip().equals(labels.get(kv[0].strip()))) {
                    return false;
                }
            } else if (!t.isEmpty() && !labels.containsKey(t)) {
                return false;
            }
        }
        return true;
    }
}
