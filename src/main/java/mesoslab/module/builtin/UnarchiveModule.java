package mesoslab.module.builtin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.module.Module;
import mesoslab.module.ModuleArgumentException;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.transport.Command;
import mesoslab.transport.CommandResult;

/**
 * {@code unarchive}: unpacks a tar archive that is already on the host ({@code remote_src: yes})
 * into {@code dest}. Idempotent through {@code creates}: when that path exists, nothing is done.
 */
public final class UnarchiveModule implements Module {
    @Override
    public String name() {
        return "unarchive";
    }

    @Override
    public Set<String> options() {
        return Set.of("src", "dest", "remote_src", "creates", "extra_opts", "mode", "owner", "group");
    }

    @Override
    public Set<String> required() {
        return Set.of("src", "dest");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        if (!call.bool("remote_src", false)) {
            throw new ModuleArgumentException("unarchive needs remote_src: yes (put the archive on the host with get_url or copy first)");
        }
        String src = call.string("src");
        String dest = call.string("dest");
        String creates = call.string("creates");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("src", src);
        data.put("dest", dest);
        if (creates != null && call.connection().exec(Command.argv("test", "-e", creates).as(call.become())).rc() == 0) {
            return ModuleResult.ok(data);
        }
        if (call.check()) {
            return ModuleResult.changed(data);
        }
        List<String> argv = new ArrayList<>(List.of("tar", "-xf", src, "-C", dest));
        Object extra = call.args().get("extra_opts");
        if (extra instanceof List<?> list) {
            list.forEach(o -> argv.add(String.valueOf(o)));
        } else if (extra != null) {
            argv.add(String.valueOf(extra));
        }
        CommandResult mkdir = call.connection().exec(Command.argv("mkdir", "-p", dest).as(call.become()));
        CommandResult r = mkdir.ok() ? call.connection().exec(Command.argv(argv).as(call.become())) : mkdir;
        if (!r.ok()) {
            data.put("stderr", r.stderr());
            return ModuleResult.failed("cannot unpack " + src + " into " + dest + ": " + r.stderr().strip(), data);
        }
        return ModuleResult.changed(data);
    }
}
