package mesoslab.cli;

import java.util.Set;
import java.util.TreeSet;
import mesoslab.common.InvalidInputException;
import mesoslab.executor.Connector;
import mesoslab.module.BuiltinModules;
import mesoslab.module.ModuleRegistry;
import mesoslab.module.builtin.AssertModule;
import mesoslab.module.builtin.DebugModule;
import mesoslab.module.builtin.FailModule;
import mesoslab.module.builtin.PauseModule;
import mesoslab.module.builtin.SetFactModule;
import mesoslab.playbook.ModuleCatalog;

/** The composition root: builds the module registry and the connector, once per command. */
final class Wiring {
    private Wiring() {}

    static ModuleRegistry modules() {
        return new ModuleRegistry()
                .register(new DebugModule())
                .register(new SetFactModule())
                .register(new AssertModule())
                .register(new FailModule())
                .register(new PauseModule());
    }

    /**
     * What the playbook loader checks against: every module mesoslab defines (so playbooks for
     * modules still to come load and list), with argument checks for those the registry has.
     */
    static ModuleCatalog catalog(ModuleRegistry registry) {
        BuiltinModules builtin = new BuiltinModules();
        return new ModuleCatalog() {
            @Override
            public Set<String> names() {
                Set<String> all = new TreeSet<>(builtin.names());
                all.addAll(registry.names());
                return all;
            }

            @Override
            public Set<String> freeFormOptions(String name) {
                Set<String> own = registry.freeFormOptions(name);
                return own != null || registry.get(name) != null ? own : builtin.freeFormOptions(name);
            }

            @Override
            public Set<String> options(String name) {
                return registry.options(name);
            }

            @Override
            public Set<String> required(String name) {
                return registry.required(name);
            }
        };
    }

    static Connector connector() {
        return (host, vars) -> {
            throw new InvalidInputException(null, "no transport is available in this build to reach host " + host,
                    "Only modules that run on the controller (debug, set_fact, assert, fail, pause) work yet");
        };
    }
}
