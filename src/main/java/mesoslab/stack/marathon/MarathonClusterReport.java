package mesoslab.stack.marathon;

import java.util.List;

/** What one look at the Marathon instances found: the leader they name, the framework, evidence and problems. */
public record MarathonClusterReport(String leader, String frameworkId, List<String> evidence, List<String> problems, int up, int instances) implements mesoslab.stack.AwaitedCheck.Report {

    public boolean healthy() {
        return problems.isEmpty();
    }

    /** "healthy: leader 127.77.0.11:8080, 3 of 3 instances up, framework ...-0000 active in Mesos" and the problems. */
    public String summary() {
        return (healthy() ? "healthy" : "failed") + ": " + (leader == null ? "no leader" : "leader " + leader) + ", " + up + " of "
                + instances + " instances up" + (frameworkId == null ? "" : ", framework " + frameworkId + (healthy() ? " active in Mesos" : ""))
                + (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
    }

    @Override
    public java.util.Map<String, Object> facts() {
        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("leader", leader);
        facts.put("framework_id", frameworkId);
        return facts;
    }
}
