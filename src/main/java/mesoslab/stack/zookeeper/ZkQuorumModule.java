package mesoslab.stack.zookeeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.module.CheckBlock;
import mesoslab.module.GroupHosts;
import mesoslab.module.Module;
import mesoslab.module.ModuleArgumentException;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.verify.Await;
import mesoslab.verify.AwaitTimeoutException;
import mesoslab.verify.Observation;

/**
 * {@code zk_quorum}: judges the ZooKeeper ensemble of an inventory group from the controller and
 * waits (up to {@code timeout}) for the state asked for: {@code healthy} (default), {@code serving}
 * (healthy or degraded), or {@code new_leader} (a leader other than {@code previous_leader} that
 * serves writes; the time it took is reported as {@code elapsed_seconds}). The result carries a
 * {@code check} block the verify report shows: name, status and evidence per member.
 */
public final class ZkQuorumModule implements Module {
    @Override
    public String name() {
        return "zk_quorum";
    }

    @Override
    public Set<String> options() {
        return Set.of("group", "expect", "timeout", "previous_leader", "check_timeout");
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        List<ZkMember> members = members(call, call.string("group", "zookeeper"));
        String expect = call.string("expect", "healthy");
        Duration timeout = Duration.ofSeconds(call.integer("timeout", 60));
        QuorumCheck check = new QuorumCheck(Duration.ofSeconds(call.integer("check_timeout", 2)));
        String previous = call.string("previous_leader");
        long start = System.nanoTime();
        QuorumReport report;
        try {
            report = Await.until(describe(expect, previous), timeout).every(Duration.ofMillis(200)).on(() -> {
                QuorumReport r = check.check(members);
                boolean done = switch (expect) {
                    case "healthy" -> r.verdict() == QuorumVerdict.HEALTHY;
                    case "serving" -> r.verdict() != QuorumVerdict.FAILED;
                    case "new_leader" -> r.verdict() != QuorumVerdict.FAILED && r.leader() != null && !r.leader().equals(previous);
                    default -> throw new ModuleArgumentException("expect", expect, "healthy, serving or new_leader");
                };
                return done ? Observation.ok(r, r.summary()) : Observation.notYet(r, r.summary());
            });
        } catch (AwaitTimeoutException e) {
            QuorumReport last = check.check(members);
            return ModuleResult.failed(e.getMessage(), result(last, start, "fail"));
        }
        return ModuleResult.ok(result(report, start, report.verdict() == QuorumVerdict.HEALTHY ? "pass" : "degraded"));
    }

    private static String describe(String expect, String previous) {
        return switch (expect) {
            case "new_leader" -> "a new ZooKeeper leader (not " + previous + ") serving writes";
            case "serving" -> "a ZooKeeper majority serving writes";
            default -> "a healthy ZooKeeper quorum";
        };
    }

    private static Map<String, Object> result(QuorumReport report, long start, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("verdict", report.verdict().name().toLowerCase(java.util.Locale.ROOT));
        data.put("leader", report.leader());
        data.put("elapsed_seconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
        data.put("check", CheckBlock.of("ZooKeeper quorum", status, report.summary(), report.evidence()));
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (ZkNodeStatus n : report.nodes()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("host", n.member().host());
            node.put("endpoint", n.member().endpoint());
            node.put("mode", n.mode());
            node.put("imok", n.imok());
            nodes.add(node);
        }
        data.put("nodes", nodes);
        return data;
    }

    /** The group's members, with each one's zk_address (or ansible_host) and zk_client_port from hostvars. */
    static List<ZkMember> members(ModuleCall call, String group) {
        List<ZkMember> members = new ArrayList<>();
        GroupHosts.of(call, group).forEach((host, vars) -> members.add(new ZkMember(host,
                String.valueOf(GroupHosts.first(vars, host, "zk_address", "ansible_host")),
                Integer.parseInt(String.valueOf(GroupHosts.first(vars, 2181, "zk_client_port"))))));
        return members;
    }
}
