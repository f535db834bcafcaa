package mesoslab.stack.zookeeper;

/** How well an ensemble is doing. */
public enum QuorumVerdict {
    /** Every member serves, one leader, every follower synced, writes visible everywhere. */
    HEALTHY,
    /** A majority serves with one leader and writes succeed, but some members are down. */
    DEGRADED,
    /** No serving majority: the ensemble cannot accept writes. */
    FAILED
}
