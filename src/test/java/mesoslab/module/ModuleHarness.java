package mesoslab.module;

import java.nio.file.Path;
import java.util.Map;
import mesoslab.template.TemplateFiles;
import mesoslab.transport.Become;
import mesoslab.transport.Connection;
import mesoslab.transport.local.LocalConnection;

/** Calls one module directly on the local connection, as the executor would. */
public record ModuleHarness(Path dir, Connection connection) {

    public static ModuleHarness in(Path dir) {
        return new ModuleHarness(dir, new LocalConnection("local1"));
    }

    public ModuleResult run(Module module, Map<String, Object> args, boolean check, boolean diff) {
        return module.run(new ModuleCall(args, "local1", Map.of("inventory_hostname", "local1", "zk_port", 2181), connection,
                check, diff, new TemplateFiles(dir.resolve("templates")), dir, Become.NONE));
    }

    public ModuleResult run(Module module, Map<String, Object> args) {
        return run(module, args, false, false);
    }
}
