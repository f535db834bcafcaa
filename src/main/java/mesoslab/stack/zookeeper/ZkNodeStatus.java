package mesoslab.stack.zookeeper;

/**
 * What one member answered: {@code ruok}, its mode from {@code mntr} (leader, follower,
 * standalone, or null when not serving), and on the leader the synced follower count.
 */
public record ZkNodeStatus(ZkMember member, boolean imok, String mode, Integer syncedFollowers, String error) {

    public boolean serving() {
        return "leader".equals(mode) || "follower".equals(mode) || "standalone".equals(mode);
    }

    public boolean leader() {
        return "leader".equals(mode);
    }

    /** One line of evidence, e.g. {@code master1 127.77.0.11:2181 imok leader synced_followers=2}. */
    public String evidence() {
        StringBuilder out = new StringBuilder(member.host()).append(' ').append(member.endpoint()).append(' ');
        if (error != null) {
            return out.append("down (").append(error).append(')').toString();
        }
        out.append(imok ? "imok" : "no imok").append(' ').append(mode == null ? "not serving" : mode);
        if (syncedFollowers != null) {
            out.append(" synced_followers=").append(syncedFollowers);
        }
        return out.toString();
    }
}
