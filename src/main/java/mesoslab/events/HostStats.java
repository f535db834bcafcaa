package mesoslab.events;

/** One host's counts for the recap, as Ansible's PLAY RECAP shows them. */
public record HostStats(int ok, int changed, int unreachable, int failed, int skipped, int rescued, int ignored) {
    public static final HostStats ZERO = new HostStats(0, 0, 0, 0, 0, 0, 0);

    /** The counts after one more task outcome (changed counts as ok too, as in Ansible). */
    public HostStats plus(Outcome outcome) {
        return switch (outcome) {
            case OK -> new HostStats(ok + 1, changed, unreachable, failed, skipped, rescued, ignored);
            case CHANGED -> new HostStats(ok + 1, changed + 1, unreachable, failed, skipped, rescued, ignored);
            case SKIPPED -> new HostStats(ok, changed, unreachable, failed, skipped + 1, rescued, ignored);
            case FAILED -> new HostStats(ok, changed, unreachable, failed + 1, skipped, rescued, ignored);
            case IGNORED -> new HostStats(ok, changed, unreachable, failed, skipped, rescued, ignored + 1);
            case UNREACHABLE -> new HostStats(ok, changed, unreachable + 1, failed, skipped, rescued, ignored);
        };
    }
}
