package mesoslab.standin.f5ctlr.config;

/** The BIG-IP password: {@link #toString()} never shows it, so it cannot leak into a log line. */
public final class Password {
    private final String value;

    public Password(String value) {
        this.value = value;
    }

    /** The password itself, for the one place that sends it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "********";
    }
}
