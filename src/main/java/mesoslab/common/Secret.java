package mesoslab.common;

/**
 * A value that must never be printed: logs, reports and diffs see {@code ******}. Only the code
 * that hands the value to its consumer (an SSH library, sudo's stdin) calls {@link #reveal()}.
 */
public final class Secret {
    public static final String MASK = "******";
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value == null || value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && java.util.Objects.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return MASK;
    }
}
