package mesoslab.verify;

import java.time.Duration;
import mesoslab.common.MesoslabException;

/** A wait ran out of time; the message carries what was awaited and the last thing observed. */
public final class AwaitTimeoutException extends MesoslabException {
    private final String lastObservation;

    public AwaitTimeoutException(String awaited, Duration timeout, String lastObservation, String hint) {
        super("timed out after " + timeout.toSeconds() + " s waiting for " + awaited + "; last observed: " + lastObservation, hint, null);
        this.lastObservation = lastObservation;
    }

    public String lastObservation() {
        return lastObservation;
    }
}
