package mesoslab.module.builtin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.module.Module;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;

/**
 * {@code assert}: fails when any of {@code that} is false. The executor has already evaluated
 * each condition (they are Freemarker booleans), so {@code that} arrives as booleans.
 */
public final class AssertModule implements Module {
    @Override
    public String name() {
        return "assert";
    }

    @Override
    public Set<String> options() {
        return Set.of("that", "msg", "fail_msg", "success_msg", "quiet");
    }

    @Override
    public Set<String> required() {
        return Set.of("that");
    }

    @Override
    public Set<String> conditionOptions() {
        return Set.of("that");
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        Object that = call.args().get("that");
        List<?> conditions = that instanceof List<?> l ? l : List.of(that);
        Object sources = call.args().get("that_source");
        for (int i = 0; i < conditions.size(); i++) {
            if (!Boolean.TRUE.equals(conditions.get(i))) {
                String text = sources instanceof List<?> s && i < s.size() ? String.valueOf(s.get(i)) : String.valueOf(conditions.get(i));
                String msg = call.string("fail_msg", call.string("msg", "Assertion failed: " + text));
                return ModuleResult.failed(msg, Map.of("assertion", text, "evaluated_to", false));
            }
        }
        return ModuleResult.ok(Map.of("msg", call.string("success_msg", "All assertions passed")));
    }
}
