package mesoslab.playbook;

/** {@code loop_control}: the loop variable's name and how an item is labelled in output. */
public record LoopControl(String loopVar, String label, Integer pauseSeconds) {
    public static final LoopControl DEFAULT = new LoopControl("item", null, null);
}
