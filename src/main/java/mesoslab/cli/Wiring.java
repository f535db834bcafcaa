package mesoslab.cli;

import java.util.Set;
import java.util.TreeSet;
import mesoslab.module.builtin.BlockInFileModule;
import mesoslab.module.builtin.CommandModule;
import mesoslab.module.builtin.CopyModule;
import mesoslab.module.builtin.DaemonModule;
import mesoslab.module.builtin.FileModule;
import mesoslab.module.builtin.GetUrlModule;
import mesoslab.module.builtin.UnarchiveModule;
import mesoslab.module.builtin.LineInFileModule;
import mesoslab.module.builtin.SlurpModule;
import mesoslab.module.builtin.StatModule;
import mesoslab.module.builtin.TemplateModule;
import mesoslab.module.builtin.WaitForModule;
import mesoslab.transport.ssh.SshConnection;
import mesoslab.transport.local.LocalConnection;
import mesoslab.executor.Connector;
import mesoslab.module.BuiltinModules;
import mesoslab.module.ModuleRegistry;
import mesoslab.module.builtin.AssertModule;
import mesoslab.module.builtin.DebugModule;
import mesoslab.module.builtin.FailModule;
import mesoslab.module.builtin.PauseModule;
import mesoslab.module.builtin.SetFactModule;
import mesoslab.playbook.ModuleCatalog;
import mesoslab.stack.marathon.MarathonClusterModule;
import mesoslab.stack.mesos.MesosClusterModule;
import mesoslab.stack.zookeeper.ZkQuorumModule;

/** The composition root: builds the module registry and the connector, once per command. */
final class Wiring {
    private Wiring() {}

    static ModuleRegistry modules() {
        return new ModuleRegistry()
                .register(new CommandModule(false))
                .register(new CommandModule(true))
                .register(new FileModule())
                .register(new CopyModule())
                .register(new TemplateModule())
                .register(new LineInFileModule())
                .register(new BlockInFileModule())
                .register(new StatModule())
                .register(new SlurpModule())
                .register(new DaemonModule())
                .register(new WaitForModule())
                .register(new GetUrlModule())
                .register(new UnarchiveModule())
                .register(new mesoslab.module.builtin.UriModule())
                .register(new mesoslab.module.builtin.AptModule("apt"))
                .register(new mesoslab.module.builtin.AptModule("package"))
                .register(new mesoslab.module.builtin.SystemdModule("systemd"))
                .register(new mesoslab.module.builtin.SystemdModule("service"))
                .register(new ZkQuorumModule())
                .register(new MesosClusterModule())
                .register(new MarathonClusterModule())
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

    /**
     * Chooses the transport from {@code ansible_connection} (or {@code connection}): {@code local},
     * or {@code ssh} (the default) with the host's address, port, user, keys, password and jump
     * host from its variables (Ansible's names or mesoslab's short aliases).
     */
    static Connector connector(SshSettings ssh, java.nio.file.Path agentSocket) {
        return (host, vars) -> {
            Object kind = first(vars, "ssh", "ansible_connection", "connection");
            if ("local".equals(String.valueOf(kind))) {
                return new LocalConnection(host);
            }
            return SshConnection.open(SshTargets.from(host, vars, ssh, agentSocket));
        };
    }

    static Object first(java.util.Map<String, Object> vars, Object fallback, String... names) {
        for (String name : names) {
            if (vars.get(name) != null) {
                return vars.get(name);
            }
        }
        return fallback;
    }
}
