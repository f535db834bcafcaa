package mesoslab.transport;

import java.time.Duration;

/**
 * How a command ended. {@code rc} is the exit status; {@code timedOut} means it was killed at its
 * timeout. {@code display} is the command as a person would type it (for {@code -vvv} and errors).
 */
public record CommandResult(int rc, String stdout, String stderr, Duration duration, boolean timedOut, String display) {
    public boolean ok() {
        return rc == 0 && !timedOut;
    }
}
