package mesoslab.module.builtin;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import mesoslab.module.FileContent;
import mesoslab.module.Module;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.module.RemoteFiles;
import mesoslab.transport.FileState;

/** {@code template}: renders a Freemarker file from templates/ with the host's variables, then copies it. */
public final class TemplateModule implements Module {
    @Override
    public String name() {
        return "template";
    }

    @Override
    public Set<String> options() {
        return Set.of("src", "dest", "mode", "owner", "group", "backup", "force");
    }

    @Override
    public Set<String> required() {
        return Set.of("src", "dest");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        byte[] wanted = call.templates().render(call.string("src"), call.vars(), null, call.host()).getBytes(StandardCharsets.UTF_8);
        String dest = call.string("dest");
        FileState state = call.connection().stat(dest, call.become());
        byte[] current = call.diff() && state.isFile() ? RemoteFiles.read(call.connection(), dest, call.become()) : null;
        return FileContent.ensure(call, dest, wanted, current, state);
    }
}
