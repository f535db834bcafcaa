package mesoslab.module.builtin;

import java.util.Map;
import java.util.Set;
import mesoslab.module.Module;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;

/** {@code pause}: waits {@code seconds} (or {@code minutes}); never prompts (runs are unattended). */
public final class PauseModule implements Module {
    @Override
    public String name() {
        return "pause";
    }

    @Override
    public Set<String> options() {
        return Set.of("seconds", "minutes", "prompt");
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        int seconds = call.integer("seconds", 0) + 60 * call.integer("minutes", 0);
        if (!call.check()) {
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ModuleResult.failed("pause interrupted", Map.of());
            }
        }
        return ModuleResult.ok(Map.of("delta", seconds, "echo", true));
    }
}
