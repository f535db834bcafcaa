package mesoslab.stack.zookeeper;

import java.util.ArrayList;
import java.util.List;

/** The verdict with its evidence: each member's status and the znode round trip. */
public record QuorumReport(QuorumVerdict verdict, List<ZkNodeStatus> nodes, String leader, String roundTrip, List<String> problems) {

    public List<String> evidence() {
        List<String> lines = new ArrayList<>();
        nodes.forEach(n -> lines.add(n.evidence()));
        lines.add("znode round trip: " + roundTrip);
        return lines;
    }

    /** "3 of 3 serving, leader master2" and the problems, in one line. */
    public String summary() {
        long serving = nodes.stream().filter(ZkNodeStatus::serving).count();
        return verdict.name().toLowerCase(java.util.Locale.ROOT) + ": " + serving + " of " + nodes.size() + " serving"
                + (leader == null ? ", no leader" : ", leader " + leader) + (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
    }
}
