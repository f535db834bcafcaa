package mesoslab.module.builtin;

import java.util.Base64;
import java.util.Map;
import java.util.Set;
import mesoslab.module.Module;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;

/** {@code slurp}: a file's content, base64-encoded as Ansible returns it. */
public final class SlurpModule implements Module {
    @Override
    public String name() {
        return "slurp";
    }

    @Override
    public Set<String> options() {
        return Set.of("src", "path");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        String src = call.string("src", call.string("path"));
        try {
            byte[] content = call.connection().fetch(src, call.become());
            return ModuleResult.ok(Map.of("content", Base64.getEncoder().encodeToString(content), "encoding", "base64", "source", src));
        } catch (mesoslab.transport.HostUnreachableException e) {
            throw e;
        } catch (mesoslab.transport.TransportException e) {
            return ModuleResult.failed("file not found or unreadable: " + src, Map.of("source", src));
        }
    }
}
