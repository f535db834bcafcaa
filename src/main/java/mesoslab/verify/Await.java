package mesoslab.verify;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Polls a probe until it is satisfied or the timeout passes. On timeout the exception names what
 * was awaited and the last observation; while waiting, each new observation goes to a progress
 * callback (what is awaited, what was seen, elapsed/timeout) so long waits are never silent.
 */
public final class Await {
    private final String awaited;
    private final Duration timeout;
    private final Duration interval;
    private final Consumer<String> progress;
    private final String hint;

    private Await(String awaited, Duration timeout, Duration interval, Consumer<String> progress, String hint) {
        this.awaited = awaited;
        this.timeout = timeout;
        this.interval = interval;
        this.progress = progress;
        this.hint = hint;
    }

    public static Await until(String awaited, Duration timeout) {
        return new Await(awaited, timeout, Duration.ofMillis(250), s -> { }, "");
    }

    public Await every(Duration pollInterval) {
        return new Await(awaited, timeout, pollInterval, progress, hint);
    }

    public Await reporting(Consumer<String> callback) {
        return new Await(awaited, timeout, interval, callback, hint);
    }

    public Await hint(String howToFix) {
        return new Await(awaited, timeout, interval, progress, howToFix);
    }

    /** Polls {@code probe}; an exception from the probe counts as an unsatisfied observation. */
    public <T> T on(Supplier<Observation<T>> probe) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String last = "nothing yet";
        while (true) {
            Observation<T> seen;
            try {
                seen = probe.get();
            } catch (RuntimeException e) {
                seen = Observation.notYet(null, String.valueOf(e.getMessage()));
            }
            if (seen.satisfied()) {
                return seen.value();
            }
            if (!seen.description().equals(last)) {
                last = seen.description();
                long elapsed = (System.nanoTime() - start) / 1_000_000_000;
                progress.accept("waiting for " + awaited + ": " + last + " (" + elapsed + "/" + timeout.toSeconds() + " s)");
            }
            if (System.nanoTime() >= deadline) {
                throw new AwaitTimeoutException(awaited, timeout, last, hint);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AwaitTimeoutException(awaited, timeout, last + " (interrupted)", hint);
            }
        }
    }
}
