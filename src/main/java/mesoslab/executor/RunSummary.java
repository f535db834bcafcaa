package mesoslab.executor;

import java.util.Map;
import mesoslab.events.HostStats;

/** The outcome of a whole run: per-host counts, and whether any host failed or was unreachable. */
public record RunSummary(Map<String, HostStats> stats) {
    public boolean anyFailed() {
        return stats.values().stream().anyMatch(s -> s.failed() > 0);
    }

    public boolean anyUnreachable() {
        return stats.values().stream().anyMatch(s -> s.unreachable() > 0);
    }

    public int changed() {
        return stats.values().stream().mapToInt(HostStats::changed).sum();
    }
}
