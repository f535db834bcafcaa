package mesoslab.standin.mesosdns;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls until a value satisfies a condition, then returns it; fails with the last value seen. */
final class Poll {
    private Poll() {}

    static <T> T until(Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.call();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not reached within " + timeout + "; last observation: " + last);
    }
}
