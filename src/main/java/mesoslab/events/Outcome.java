package mesoslab.events;

/** How a task ended on a host. */
public enum Outcome {
    OK, CHANGED, SKIPPED, FAILED, IGNORED, UNREACHABLE
}
