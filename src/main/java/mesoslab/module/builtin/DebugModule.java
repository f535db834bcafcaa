package mesoslab.module.builtin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.module.Module;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;

/** {@code debug}: prints a message ({@code msg}) or a variable ({@code var}); never changes anything. */
public final class DebugModule implements Module {
    @Override
    public String name() {
        return "debug";
    }

    @Override
    public Set<String> options() {
        return Set.of("msg", "var", "verbosity");
    }

    @Override
    public Set<String> expressionOptions() {
        return Set.of("var");
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (call.args().containsKey("var_source")) {
            data.put(call.string("var_source"), call.args().get("var"));
        } else {
            data.put("msg", call.args().getOrDefault("msg", "Hello world!"));
        }
        return ModuleResult.ok(data).showing(List.copyOf(data.keySet()));
    }
}
