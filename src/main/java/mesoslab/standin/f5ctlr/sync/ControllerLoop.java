package mesoslab.standin.f5ctlr.sync;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import mesoslab.standin.f5ctlr.config.ControllerConfig.Timing;
import mesoslab.standin.f5ctlr.log.Log;

/**
 * The single worker that runs passes, as the real controller's event processor does: a
 * {@link #trigger} (a Marathon event) or the verify-interval timer starts a pass; triggers that
 * arrive while a pass runs, or within the debounce window, fold into one pass. A failed pass is
 * retried after a backoff that doubles from the initial value to the maximum (1 s to 128 s in the
 * real one) and resets after a pass that converges; events do not cut a backoff short, so an event
 * storm cannot hammer a BIG-IP that is already failing.
 */
public final class ControllerLoop implements AutoCloseable {
    private final Supplier<PassOutcome> pass;
    private final Timing timing;
    private final Log log;
    private final Object lock = new Object();
    private final Thread worker;
    private final AtomicLong passes = new AtomicLong();
    private boolean pending = true;
    private long lastTrigger = System.nanoTime();
    private boolean closed;
    private volatile PassOutcome lastOutcome;

    public ControllerLoop(Supplier<PassOutcome> pass, Timing timing, Log log) {
        this.pass = pass;
        this.timing = timing;
        this.log = log;
        this.worker = new Thread(this::run, "f5ctlr-worker");
        this.worker.setDaemon(true);
    }

    public ControllerLoop start() {
        worker.start();
        return this;
    }

    /** Asks for a pass soon (after the debounce window). */
    public void trigger() {
        synchronized (lock) {
            pending = true;
            lastTrigger = System.nanoTime();
            lock.notifyAll();
        }
    }

    public long passes() {
        return passes.get();
    }

    public PassOutcome lastOutcome() {
        return lastOutcome;
    }

    private void run() {
        Duration backoff = timing.initialBackoff();
        long nextResync = System.nanoTime() + timing.verifyInterval().toNanos();
        try {
            while (true) {
                synchronized (lock) {
                    while (!closed && !pending && System.nanoTime() < nextResync) {
                        waitNanos(nextResync - System.nanoTime());
                    }
                    if (closed) {
                        return;
                    }
                    if (pending) {
                        debounce();
                        if (closed) {
                            return;
                        }
                    }
                    pending = false;
                }
                PassOutcome outcome = pass.get();
                lastOutcome = outcome;
                passes.incrementAndGet();
                if (outcome instanceof PassOutcome.Failed failed) {
                    log.error(failed.reason());
                    log.error("Error applying config, will try again in " + seconds(backoff) + " seconds");
                    sleepUnlessClosed(backoff);
                    backoff = min(backoff.multipliedBy(2), timing.maxBackoff());
                    synchronized (lock) {
                        pending = true;
                    }
                } else {
                    backoff = timing.initialBackoff();
                    nextResync = System.nanoTime() + timing.verifyInterval().toNanos();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until no trigger came for the debounce window, at most ten windows so a steady stream still gets passes. */
    private void debounce() throws InterruptedException {
        long window = timing.debounce().toNanos();
        long deadline = System.nanoTime() + 10 * window;
        while (!closed) {
            long quietUntil = lastTrigger + window;
            long now = System.nanoTime();
            if (now >= quietUntil || now >= deadline) {
                return;
            }
            waitNanos(Math.min(quietUntil, deadline) - now);
        }
    }

    private void sleepUnlessClosed(Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        synchronized (lock) {
            while (!closed && System.nanoTime() < until) {
                waitNanos(until - System.nanoTime());
            }
        }
    }

    private void waitNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            lock.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        worker.join(5000);
    }
}
