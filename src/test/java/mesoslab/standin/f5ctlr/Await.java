package mesoslab.standin.f5ctlr;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Polls a probe until its value satisfies a condition and returns that value. A probe that throws
 * (a BIG-IP that is down, a name not yet in DNS) counts as "not yet"; the failure names what was
 * awaited and the last value or error seen.
 */
final class Await {
    private Await() {}

    static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last;
        while (true) {
            try {
                T value = probe.call();
                if (done.test(value)) {
                    return value;
                }
                last = value;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what + "; last observed: " + last);
            }
            Thread.sleep(50);
        }
    }
}
