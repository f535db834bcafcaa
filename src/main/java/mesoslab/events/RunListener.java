package mesoslab.events;

/**
 * Receives run events. Called from the executor's threads; implementations synchronise
 * themselves (events for one host arrive in order; events for different hosts may interleave).
 */
@FunctionalInterface
public interface RunListener {
    void on(RunEvent event);

    /** Sends every event to each listener in turn. */
    static RunListener all(RunListener... listeners) {
        return event -> {
            for (RunListener listener : listeners) {
                listener.on(event);
            }
        };
    }
}
