package mesoslab.module.builtin;

import java.util.Map;
import java.util.Set;
import mesoslab.module.Module;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;

/** {@code fail}: fails the task with {@code msg}. */
public final class FailModule implements Module {
    @Override
    public String name() {
        return "fail";
    }

    @Override
    public Set<String> options() {
        return Set.of("msg");
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        return ModuleResult.failed(call.string("msg", "Failed as requested from task"), Map.of());
    }
}
