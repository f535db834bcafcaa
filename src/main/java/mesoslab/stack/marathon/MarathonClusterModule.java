package mesoslab.stack.marathon;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.module.GroupHosts;
import mesoslab.module.Module;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.stack.AwaitedCheck;
import mesoslab.stack.HttpEndpoint;

/**
 * {@code marathon_cluster}: judges the Marathon instances of group {@code group} (default
 * marathon) from the controller, waiting up to {@code timeout} seconds for one agreed leader whose
 * framework is active in Mesos ({@link MarathonClusterCheck}). Each host's
 * {@code marathon_address} (or ansible_host) and {@code marathon_http_port} say where to look;
 * {@code mesos_zk} where the Mesos leader is recorded. The result carries the verify report's
 * {@code check} block.
 */
public final class MarathonClusterModule implements Module {
    @Override
    public String name() {
        return "marathon_cluster";
    }

    @Override
    public Set<String> options() {
        return Set.of("group", "mesos_zk", "timeout", "check_timeout");
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        Map<String, Map<String, Object>> hosts = GroupHosts.of(call, call.string("group", "marathon"));
        List<HttpEndpoint> instances = HttpEndpoint.from(hosts, "marathon_address", "marathon_http_port", 8080);
        String mesosZk = call.string("mesos_zk", String.valueOf(hosts.values().iterator().next().get("mesos_zk")));
        Duration timeout = Duration.ofSeconds(call.integer("timeout", 60));
        MarathonClusterCheck check = new MarathonClusterCheck(Duration.ofSeconds(call.integer("check_timeout", 2)));
        return AwaitedCheck.run("Marathon", "one Marathon leader with its framework active in Mesos", timeout,
                () -> check.check(instances, mesosZk));
    }

}
