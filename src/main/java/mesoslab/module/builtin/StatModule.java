package mesoslab.module.builtin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import mesoslab.module.Module;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.transport.FileState;

/** {@code stat}: facts about a path under {@code stat} ({@code exists}, {@code isdir}, {@code mode}, ...). Never changes anything. */
public final class StatModule implements Module {
    @Override
    public String name() {
        return "stat";
    }

    @Override
    public Set<String> options() {
        return Set.of("path", "get_checksum", "follow");
    }

    @Override
    public Set<String> required() {
        return Set.of("path");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        FileState state = call.connection().stat(call.string("path"), call.become());
        Map<String, Object> stat = new LinkedHashMap<>();
        stat.put("exists", state.exists());
        if (state.exists()) {
            stat.put("path", call.string("path"));
            stat.put("isdir", state.isDirectory());
            stat.put("isreg", state.isFile());
            stat.put("islnk", state.isLink());
            stat.put("mode", state.mode());
            stat.put("pw_name", state.owner());
            stat.put("gr_name", state.group());
            stat.put("size", state.size());
            if (state.sha256() != null) {
                stat.put("checksum", state.sha256());
            }
            if (state.linkTarget() != null) {
                stat.put("lnk_source", state.linkTarget());
            }
        }
        return ModuleResult.ok(Map.of("stat", stat));
    }
}
