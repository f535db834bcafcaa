package mesoslab.verify;

/** What a probe saw at one moment: whether it is what we wait for, and a sentence saying what it was. */
public record Observation<T>(boolean satisfied, T value, String description) {
    public static <T> Observation<T> ok(T value, String description) {
        return new Observation<>(true, value, description);
    }

    public static <T> Observation<T> notYet(T value, String description) {
        return new Observation<>(false, value, description);
    }
}
