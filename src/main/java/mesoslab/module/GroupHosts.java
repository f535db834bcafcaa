package mesoslab.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosts of an inventory group with each one's variables, as a module running on the
 * controller sees them through {@code groups} and {@code hostvars} (rendered on read).
 */
public final class GroupHosts {
    private GroupHosts() {}

    /** Host name → its variables, in inventory order; an argument error when the group is empty or unknown. */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> of(ModuleCall call, String group) {
        Object groups = call.vars().get("groups");
        Object hosts = groups instanceof Map<?, ?> g ? g.get(group) : null;
        if (!(hosts instanceof List<?> list) || list.isEmpty()) {
            throw new ModuleArgumentException("group '" + group + "' has no hosts in the inventory");
        }
        Map<String, Object> hostvars = (Map<String, Object>) call.vars().get("hostvars");
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Object host : list) {
            result.put(String.valueOf(host), (Map<String, Object>) hostvars.get(String.valueOf(host)));
        }
        return result;
    }

    /** The first of {@code names} the host defines, else {@code fallback}. */
    public static Object first(Map<String, Object> vars, Object fallback, String... names) {
        for (String name : names) {
            if (vars.get(name) != null) {
                return vars.get(name);
            }
        }
        return fallback;
    }
}
