package mesoslab.stack.mesos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.module.GroupHosts;
import mesoslab.module.Module;
import mesoslab.module.ModuleArgumentException;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.stack.AwaitedCheck;
import mesoslab.stack.HttpEndpoint;

/**
 * {@code mesos_cluster}: judges the Mesos masters of group {@code masters} (default
 * mesos_masters) and agents of group {@code agents} (default mesos_agents) from the controller,
 * waiting up to {@code timeout} seconds for a healthy cluster ({@link MesosClusterCheck}). Each
 * host's {@code mesos_address} (or ansible_host) and {@code mesos_master_port}/
 * {@code mesos_agent_port} say where to look; {@code zk} (default the first master's
 * {@code mesos_zk}) where the leader is recorded. With {@code expect: new_leader} it waits instead
 * for a leader other than {@code previous_leader} that its own state confirms (a drill; the time it
 * took is {@code elapsed_seconds}). The result carries the verify report's {@code check} block.
 */
public final class MesosClusterModule implements Module {
    @Override
    public String name() {
        return "mesos_cluster";
    }

    @Override
    public Set<String> options() {
        return Set.of("masters", "agents", "zk", "timeout", "check_timeout", "expect", "previous_leader");
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        Map<String, Map<String, Object>> masterHosts = GroupHosts.of(call, call.string("masters", "mesos_masters"));
        List<HttpEndpoint> masters = HttpEndpoint.from(masterHosts, "mesos_address", "mesos_master_port", 5050);
        List<HttpEndpoint> agents = HttpEndpoint.from(GroupHosts.of(call, call.string("agents", "mesos_agents")), "mesos_address",
                "mesos_agent_port", 5051);
        String zk = call.string("zk", String.valueOf(masterHosts.values().iterator().next().get("mesos_zk")));
        Duration timeout = Duration.ofSeconds(call.integer("timeout", 60));
        MesosClusterCheck check = new MesosClusterCheck(Duration.ofSeconds(call.integer("check_timeout", 2)));
        String expect = call.string("expect", "healthy");
        if (expect.equals("new_leader")) {
            // A drill: the old leader is down, so the cluster cannot be healthy yet; a new master must lead.
            String previous = call.string("previous_leader");
            return AwaitedCheck.run("Mesos cluster", "a new Mesos leader (not " + previous + ") confirmed by its own state", timeout,
                    () -> check.check(masters, agents, zk), r -> r.leaderConfirmed() && !r.leader().equals(previous));
        }
        if (!expect.equals("healthy")) {
            throw new ModuleArgumentException("expect", expect, "healthy or new_leader");
        }
        return AwaitedCheck.run("Mesos cluster", "a Mesos leader agreed by ZooKeeper and every agent active", timeout,
                () -> check.check(masters, agents, zk));
    }

}
