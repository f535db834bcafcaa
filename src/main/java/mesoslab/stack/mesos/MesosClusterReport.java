package mesoslab.stack.mesos;

import java.util.List;

/**
 * What one look at the Mesos cluster found: the leader ZooKeeper names (null if none), whether
 * that master's own state confirms it leads, one evidence line per master and per inventory
 * agent, and what is wrong (empty when healthy).
 */
public record MesosClusterReport(String leader, boolean leaderConfirmed, List<String> evidence, List<String> problems, int mastersUp, int masters,
                                 int agentsActive, int agents) implements mesoslab.stack.AwaitedCheck.Report {

    public boolean healthy() {
        return problems.isEmpty();
    }

    /** "healthy: leader 127.77.0.12:5050, 3 of 3 masters up, 2 of 2 agents active" and the problems. */
    public String summary() {
        return (healthy() ? "healthy" : "failed") + ": " + (leader == null ? "no leader" : "leader " + leader) + ", " + mastersUp
                + " of " + masters + " masters up, " + agentsActive + " of " + agents + " agents active"
                + (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
    }

    @Override
    public java.util.Map<String, Object> facts() {
        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("leader", leader);
        return facts;
    }
}
