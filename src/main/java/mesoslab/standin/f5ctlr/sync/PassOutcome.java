package mesoslab.standin.f5ctlr.sync;

/** How one reconcile pass over all managed partitions ended. */
public sealed interface PassOutcome {
    /** Every partition matches the desired state; {@code changes} operations were needed for that. */
    record Converged(int changes) implements PassOutcome {}

    /** Marathon or the BIG-IP failed, or operations were left undone: retry after a backoff. */
    record Failed(String reason) implements PassOutcome {}
}
