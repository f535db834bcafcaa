package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An app's {@code upgradeStrategy}: while instances of an older config are replaced, at least
 * {@code minimumHealthCapacity × instances} stay ready and at most
 * {@code (1 + maximumOverCapacity) × instances} exist. Defaults 1.0 and 1.0, as in Marathon.
 */
record UpgradeStrategy(double minimumHealthCapacity, double maximumOverCapacity) {
    /** Guards the rounding of products like 3 × 0.7 = 2.0999999999999996. */
    private static final double EPSILON = 1e-9;

    static UpgradeStrategy of(JsonNode upgradeStrategy) {
        return new UpgradeStrategy(upgradeStrategy.path("minimumHealthCapacity").asDouble(1.0),
                upgradeStrategy.path("maximumOverCapacity").asDouble(1.0));
    }

    int minimumHealthy(int instances) {
        return (int) Math.ceil(instances * minimumHealthCapacity - EPSILON);
    }

    /**
     * Upper bound on instances alive at once. When it equals the minimum there is no room to
     * replace anything (1.0 and 0.0), so, as Marathon does, one instance over is allowed.
     */
    int maximumCapacity(int instances) {
        int max = (int) Math.floor(instances * (1 + maximumOverCapacity) + EPSILON);
        return max == minimumHealthy(instances) ? max + 1 : max;
    }

    /** One round of a rolling replacement: how many old instances to kill and new ones to launch now. */
    record Step(int killOld, int launchNew) {}

    /**
     * @param oldLive  old-config instances not yet asked to die (counted as ready: they were serving)
     * @param newLive  new-config instances not being killed
     * @param newReady of those, the running and healthy ones
     * @param alive    every instance not yet terminal, including those being killed (they still take capacity)
     */
    Step step(int instances, int oldLive, int newLive, int newReady, int alive) {
        int killOld = Math.min(oldLive, Math.max(0, oldLive + newReady - minimumHealthy(instances)));
        int launchNew = Math.max(0, Math.min(instances - newLive, maximumCapacity(instances) - alive));
        return new Step(killOld, launchNew);
    }
}
