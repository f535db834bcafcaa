package mesoslab.stack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import mesoslab.module.CheckBlock;
import mesoslab.module.ModuleResult;
import mesoslab.verify.Await;
import mesoslab.verify.AwaitTimeoutException;
import mesoslab.verify.Observation;

/**
 * A cluster check run as a module: looks again and again until the report is healthy or the
 * timeout passes (progress and the last observation come from {@link Await}), then answers with
 * the report's own fields, the time it took and the verify report's {@code check} block.
 */
public final class AwaitedCheck {
    /** What a cluster check reports. */
    public interface Report {
        boolean healthy();

        String summary();

        List<String> evidence();

        /** Fields of the module's result besides the check block, e.g. the leader. */
        Map<String, Object> facts();
    }

    private AwaitedCheck() {}

    public static <R extends Report> ModuleResult run(String name, String awaited, Duration timeout, Supplier<R> look) {
        return run(name, awaited, timeout, look, Report::healthy);
    }

    /** As {@link #run(String, String, Duration, Supplier)}, waiting for {@code done} instead of health (e.g. a new leader). */
    public static <R extends Report> ModuleResult run(String name, String awaited, Duration timeout, Supplier<R> look,
                                                      java.util.function.Predicate<? super R> done) {
        long start = System.nanoTime();
        try {
            R report = Await.until(awaited, timeout).every(Duration.ofMillis(100)).on(() -> {
                R r = look.get();
                return done.test(r) ? Observation.ok(r, r.summary()) : Observation.notYet(r, r.summary());
            });
            return ModuleResult.ok(result(name, report, start, "pass"));
        } catch (AwaitTimeoutException e) {
            return ModuleResult.failed(e.getMessage(), result(name, look.get(), start, "fail"));
        }
    }

    private static Map<String, Object> result(String name, Report report, long start, String status) {
        Map<String, Object> data = new LinkedHashMap<>(report.facts());
        data.put("elapsed_seconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
        data.put("check", CheckBlock.of(name, status, report.summary(), report.evidence()));
        return data;
    }
}
