package mesoslab.vars;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import mesoslab.common.Var;

/**
 * One source of variables at one precedence level: "group_vars/zookeeper.yml", "play vars of
 * 'Install ZooKeeper'", and so on.
 *
 * @param level  its precedence
 * @param label  what a person would call this source, e.g. "group zookeeper (inventory)"
 * @param vars   the variables it sets, each with its location
 */
public record VarLayer(Precedence level, String label, Map<String, Var> vars) {
    public VarLayer {
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }

    /** A layer whose values come from code, not from a file (extra vars given as k=v, say). */
    public static VarLayer ofValues(Precedence level, String label, Map<String, Object> values) {
        Map<String, Var> vars = new LinkedHashMap<>();
        values.forEach((k, v) -> vars.put(k, new Var(v, null)));
        return new VarLayer(level, label, vars);
    }
}
