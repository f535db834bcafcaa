package mesoslab.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module reports, with Ansible's field names so that {@code register} works as Ansible
 * users expect ({@code rc}, {@code stdout}, {@code stdout_lines}, {@code changed}, {@code failed},
 * {@code msg}, {@code stat.exists}, ...).
 *
 * @param data   the registered result
 * @param diff   a unified diff of what changed (or would), or null
 * @param facts  variables to set on the host ({@code set_fact}), or empty
 */
public record ModuleResult(Map<String, Object> data, String diff, Map<String, Object> facts, List<String> shown) {

    public ModuleResult(Map<String, Object> data, String diff, Map<String, Object> facts) {
        this(data, diff, facts, List.of());
    }

    /** The result fields a person should see even without -v (what debug prints, for example). */
    public ModuleResult showing(List<String> keys) {
        return new ModuleResult(data, diff, facts, List.copyOf(keys));
    }

    public boolean changed() {
        return Boolean.TRUE.equals(data.get("changed"));
    }

    public boolean failed() {
        return Boolean.TRUE.equals(data.get("failed"));
    }

    public String msg() {
        Object msg = data.get("msg");
        return msg == null ? null : String.valueOf(msg);
    }

    public static ModuleResult ok(Map<String, Object> fields) {
        return of(false, fields);
    }

    public static ModuleResult changed(Map<String, Object> fields) {
        return of(true, fields);
    }

    public static ModuleResult of(boolean changed, Map<String, Object> fields) {
        Map<String, Object> data = new LinkedHashMap<>(fields);
        data.put("changed", changed);
        data.putIfAbsent("failed", false);
        return new ModuleResult(data, null, Map.of());
    }

    public static ModuleResult failed(String msg, Map<String, Object> fields) {
        Map<String, Object> data = new LinkedHashMap<>(fields);
        data.put("changed", false);
        data.put("failed", true);
        data.put("msg", msg);
        return new ModuleResult(data, null, Map.of());
    }

    public ModuleResult withDiff(String unifiedDiff) {
        return new ModuleResult(data, unifiedDiff, facts, shown);
    }

    public ModuleResult withFacts(Map<String, Object> newFacts) {
        return new ModuleResult(data, diff, newFacts, shown);
    }

    /** Output lines the way Ansible splits them for {@code stdout_lines}. */
    public static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1)).stream()
                .limit(text.endsWith("\n") ? text.split("\r?\n", -1).length - 1 : Long.MAX_VALUE).toList();
    }
}
