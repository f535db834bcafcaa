package mesoslab.executor;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import mesoslab.common.Var;
import mesoslab.inventory.Host;
import mesoslab.transport.Connection;
import mesoslab.vars.Precedence;
import mesoslab.vars.VarLayer;
import mesoslab.vars.VarStack;

/**
 * One host's state during a run: variables set by {@code set_fact}/{@code register}, whether it
 * failed or became unreachable, which handlers it notified, and its one connection. Touched by
 * one thread at a time (a host runs its tasks in order).
 */
final class HostRun {
    final Host host;
    final Map<String, Var> facts = new LinkedHashMap<>();
    final Set<String> notified = new LinkedHashSet<>();
    VarStack playStack;
    mesoslab.playbook.Play play;
    Connection connection;
    boolean failed;
    boolean unreachable;

    HostRun(Host host) {
        this.host = host;
    }

    boolean active() {
        return !failed && !unreachable;
    }

    void setFact(String name, Object value) {
        facts.put(name, new Var(value, null));
    }

    /** The play's stack with this host's facts on top. */
    VarStack stack() {
        return playStack.with(new VarLayer(Precedence.FACTS, "set_fact / register", facts));
    }
}
