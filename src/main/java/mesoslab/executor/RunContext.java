package mesoslab.executor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mesoslab.events.HostStats;
import mesoslab.events.Outcome;
import mesoslab.events.RunListener;
import mesoslab.inventory.Host;
import mesoslab.module.ModuleRegistry;
import mesoslab.plan.HostScope;
import mesoslab.plan.Plan;
import mesoslab.template.Expressions;
import mesoslab.template.TemplateFiles;

/** What every part of one run shares: the plan, the services, the options, the stats. Thread-safe. */
final class RunContext {
    final Plan plan;
    final ModuleRegistry modules;
    final Expressions expressions;
    final TemplateFiles templates;
    final HostScope scope;
    final Connector connector;
    final RunOptions options;
    final RunListener listener;
    final Map<String, HostRun> hosts = new ConcurrentHashMap<>();
    final Map<String, HostStats> stats = new ConcurrentHashMap<>();

    RunContext(Plan plan, ModuleRegistry modules, Expressions expressions, Connector connector, RunOptions options,
               RunListener listener) {
        this.plan = plan;
        this.modules = modules;
        this.expressions = expressions;
        this.templates = new TemplateFiles(plan.paths().templates());
        this.scope = new HostScope(plan.inventory(), plan.defaults(), plan.extraVars(), expressions);
        this.connector = connector;
        this.options = options;
        this.listener = listener;
    }

    private final Map<String, mesoslab.transport.Connection> delegates = new ConcurrentHashMap<>();

    /**
     * The connection for a {@code delegate_to} target: an inventory host (its own variables decide
     * how to connect) or {@code localhost}, the control machine.
     */
    mesoslab.transport.Connection delegate(String name) {
        Host target = plan.inventory().host(name);
        if (target != null) {
            HostRun h = host(target);
            synchronized (h) {
                if (h.connection == null) {
                    h.connection = connector.open(name, connectionVars(target, Map.of()));
                }
                return h.connection;
            }
        }
        if (name.equals("localhost") || name.equals("127.0.0.1")) {
            return delegates.computeIfAbsent(name, n -> connector.open(n, Map.of("ansible_connection", "local")));
        }
        throw new mesoslab.module.ModuleArgumentException("delegate_to: '" + name + "' is neither an inventory host nor localhost");
    }

    java.util.Collection<mesoslab.transport.Connection> delegateConnections() {
        return delegates.values();
    }

    /**
     * The variables a connection is made from: the inventory's (where the short aliases host,
     * port, user, key live) plus any {@code ansible_*} set anywhere. A play variable that happens to
     * be called {@code port} must not change where mesoslab connects.
     */
    Map<String, Object> connectionVars(Host host, Map<String, Object> taskVars) {
        Map<String, Object> vars = mesoslab.template.TemplatedVars.copyOf(scope.asHostVars(host, scope.base(host).flatten(), h -> scope.base(h).flatten()), expressions, host.name());
        for (String name : taskVars.keySet()) {
            if (name.startsWith("ansible_")) {
                vars.put(name, taskVars.get(name));
            }
        }
        return vars;
    }

    HostRun host(Host host) {
        return hosts.computeIfAbsent(host.name(), n -> new HostRun(host));
    }

    void count(String host, Outcome outcome) {
        stats.merge(host, HostStats.ZERO.plus(outcome), (a, b) -> a.plus(outcome));
    }

    /** Any host's variables as hostvars shows them: inventory plus its facts so far. */
    Map<String, Object> hostVars(Host host) {
        HostRun run = hosts.get(host.name());
        Map<String, Object> vars = new java.util.HashMap<>(scope.base(host).flatten());
        if (run != null) {
            run.facts.forEach((k, v) -> vars.put(k, v.value()));
        }
        return vars;
    }

    Map<String, Object> vars(HostRun run, List<String> playHosts) {
        return scope.flatten(run.stack(), run.host, playHosts, this::hostVars);
    }
}
