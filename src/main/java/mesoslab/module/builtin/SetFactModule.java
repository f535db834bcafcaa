package mesoslab.module.builtin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import mesoslab.module.Module;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;

/** {@code set_fact}: sets host variables for the rest of the run (above play vars, below -e). */
public final class SetFactModule implements Module {
    @Override
    public String name() {
        return "set_fact";
    }

    @Override
    public Set<String> options() {
        return null; // any name may be set
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        Map<String, Object> facts = new LinkedHashMap<>(call.args());
        facts.remove("cacheable");
        return ModuleResult.ok(Map.of("ansible_facts", facts)).withFacts(facts);
    }
}
