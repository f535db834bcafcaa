package mesoslab.stack.zookeeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges an ensemble: every member asked {@code ruok}/{@code mntr}; exactly one leader; the
 * leader's synced followers = n-1; a znode written on one member read back on every other.
 * With fewer members serving, but still a majority (floor(n/2)+1) with one leader and writes
 * working, it is degraded but serving; below that it has failed.
 */
public final class QuorumCheck {
    private final Duration timeout;

    public QuorumCheck(Duration timeout) {
        this.timeout = timeout;
    }

    public QuorumReport check(List<ZkMember> members) {
        List<ZkNodeStatus> nodes = new ArrayList<>();
        for (ZkMember member : members) {
            nodes.add(ZkProbe.status(member, timeout));
        }
        List<String> problems = new ArrayList<>();
        List<ZkNodeStatus> serving = nodes.stream().filter(ZkNodeStatus::serving).toList();
        List<ZkNodeStatus> leaders = nodes.stream().filter(ZkNodeStatus::leader).toList();
        int n = members.size();
        int majority = n / 2 + 1;
        for (ZkNodeStatus node : nodes) {
            if (!node.serving()) {
                problems.add(node.member().host() + " " + (node.error() != null ? "is down" : "is not serving"));
            }
        }
        if (leaders.size() != 1 && n > 1) {
            problems.add(leaders.size() + " leaders (expected exactly 1)");
        }
        String leader = leaders.size() == 1 ? leaders.get(0).member().host() : null;
        if (leader != null && leaders.get(0).syncedFollowers() != null && leaders.get(0).syncedFollowers() != n - 1) {
            problems.add("leader has " + leaders.get(0).syncedFollowers() + " synced followers (expected " + (n - 1) + ")");
        }
        String roundTrip;
        boolean writesWork = false;
        if (serving.isEmpty()) {
            roundTrip = "not attempted: no member serves";
        } else {
            try {
                List<ZkMember> readers = serving.stream().skip(1).map(ZkNodeStatus::member).toList();
                roundTrip = ZnodeRoundTrip.run(serving.get(0).member(), readers, timeout);
                writesWork = true;
            } catch (Exception e) {
                roundTrip = "failed: " + e.getMessage();
                problems.add("znode round trip failed");
            }
        }
        QuorumVerdict verdict;
        if (problems.isEmpty()) {
            verdict = QuorumVerdict.HEALTHY;
        } else if (serving.size() >= majority && leaders.size() == 1 && writesWork) {
            verdict = QuorumVerdict.DEGRADED;
        } else {
            verdict = QuorumVerdict.FAILED;
        }
        return new QuorumReport(verdict, nodes, leader, roundTrip, problems);
    }
}
