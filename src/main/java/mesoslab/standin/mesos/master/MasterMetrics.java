package mesoslab.standin.mesos.master;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mesoslab.standin.http.Json;
import mesoslab.standin.mesos.common.Resources;

/** The flat {@code /metrics/snapshot} numbers a verifier reads from a master. */
final class MasterMetrics {
    private MasterMetrics() {}

    static ObjectNode snapshot(MesosMasterStandIn master, double startTime) {
        MasterState s = master.state();
        ObjectNode o = Json.object();
        boolean leading = master.leading();
        o.put("master/elected", leading ? 1.0 : 0.0);
        o.put("master/uptime_secs", System.currentTimeMillis() / 1000.0 - startTime);
        synchronized (s) {
            long active = leading ? s.agents.values().stream().filter(a -> a.active).count() : 0;
            o.put("master/slaves_active", (double) active);
            o.put("master/slaves_connected", (double) active);
            o.put("master/slaves_inactive", (double) (leading ? s.agents.size() - active : 0));
            o.put("master/slaves_disconnected", 0.0);
            o.put("master/frameworks_active", (double) (leading ? s.frameworks.values().stream().filter(FrameworkRecord::connected).count() : 0));
            o.put("master/frameworks_connected", (double) (leading ? s.frameworks.values().stream().filter(FrameworkRecord::connected).count() : 0));
            for (String st : new String[] {"running", "staging", "starting", "failed", "finished", "killed", "lost", "error"}) {
                String state = "TASK_" + st.toUpperCase(java.util.Locale.ROOT);
                o.put("master/tasks_" + st, (double) (leading ? s.tasks.values().stream().filter(t -> t.state.equals(state)).count() : 0));
            }
            Resources total = Resources.EMPTY;
            Resources used = Resources.EMPTY;
            for (AgentRecord a : s.agents.values()) {
                total = total.plus(a.total);
                used = used.plus(a.used);
            }
            o.put("master/cpus_total", total.cpus()).put("master/cpus_used", used.cpus());
            o.put("master/mem_total", total.mem()).put("master/mem_used", used.mem());
            o.put("master/disk_total", total.disk());
            o.put("master/outstanding_offers", (double) s.offers.size());
        }
        o.put("registrar/log/recovered", leading ? 1.0 : 0.0);
        o.put("registrar/log/ensemble_size", 1.0);
        return o;
    }
}
