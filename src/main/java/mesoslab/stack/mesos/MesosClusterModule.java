package mesoslab.stack.mesos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.module.CheckBlock;
import mesoslab.module.GroupHosts;
import mesoslab.module.Module;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.verify.Await;
import mesoslab.verify.AwaitTimeoutException;
import mesoslab.verify.Observation;

/**
 * {@code mesos_cluster}: judges the Mesos masters of group {@code masters} (default
 * mesos_masters) and agents of group {@code agents} (default mesos_agents) from the controller,
 * waiting up to {@code timeout} seconds for a healthy cluster ({@link MesosClusterCheck}). Each
 * host's {@code mesos_address} (or ansible_host) and {@code mesos_master_port}/
 * {@code mesos_agent_port} say where to look; {@code zk} (default the first master's
 * {@code mesos_zk}) where the leader is recorded. The result carries the verify report's
 * {@code check} block.
 */
public final class MesosClusterModule implements Module {
    @Override
    public String name() {
        return "mesos_cluster";
    }

    @Override
    public Set<String> options() {
        return Set.of("masters", "agents", "zk", "timeout", "check_timeout");
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        Map<String, Map<String, Object>> masterHosts = GroupHosts.of(call, call.string("masters", "mesos_masters"));
        List<MesosEndpoint> masters = endpoints(masterHosts, "mesos_master_port", 5050);
        List<MesosEndpoint> agents = endpoints(GroupHosts.of(call, call.string("agents", "mesos_agents")), "mesos_agent_port", 5051);
        String zk = call.string("zk", String.valueOf(masterHosts.values().iterator().next().get("mesos_zk")));
        Duration timeout = Duration.ofSeconds(call.integer("timeout", 60));
        MesosClusterCheck check = new MesosClusterCheck(Duration.ofSeconds(call.integer("check_timeout", 2)));
        long start = System.nanoTime();
        try {
            MesosClusterReport report = Await.until("a Mesos leader agreed by ZooKeeper and every agent active", timeout)
                    .every(Duration.ofMillis(300)).on(() -> {
                        MesosClusterReport r = check.check(masters, agents, zk);
                        return r.healthy() ? Observation.ok(r, r.summary()) : Observation.notYet(r, r.summary());
                    });
            return ModuleResult.ok(result(report, start, "pass"));
        } catch (AwaitTimeoutException e) {
            return ModuleResult.failed(e.getMessage(), result(check.check(masters, agents, zk), start, "fail"));
        }
    }

    private static Map<String, Object> result(MesosClusterReport report, long start, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("leader", report.leader());
        data.put("elapsed_seconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
        data.put("check", CheckBlock.of("Mesos cluster", status, report.summary(), report.evidence()));
        return data;
    }

    private static List<MesosEndpoint> endpoints(Map<String, Map<String, Object>> hosts, String portVar, int defaultPort) {
        List<MesosEndpoint> endpoints = new ArrayList<>();
        hosts.forEach((host, vars) -> endpoints.add(new MesosEndpoint(host,
                String.valueOf(GroupHosts.first(vars, host, "mesos_address", "ansible_host")),
                Integer.parseInt(String.valueOf(GroupHosts.first(vars, defaultPort, portVar))))));
        return endpoints;
    }
}
