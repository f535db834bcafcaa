package mesoslab.standin.bigip.dataplane;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs every monitor against every member it watches, each on its own {@code interval}. A member
 * is up from its first passed check; it is marked down once {@code timeout} seconds pass with no
 * passed check (BIG-IP's rule, so one lost probe does not drop a member when timeout > interval).
 * Until either happens it is "checking" and gets no traffic.
 */
final class HealthMonitors implements AutoCloseable {

    /** One monitor on one member of one pool; a changed setting makes a different check. */
    record Check(String pool, String member, String host, int port, LbModel.Monitor monitor) {}

    private enum Status { CHECKING, UP, DOWN }

    private final ScheduledExecutorService scheduler;
    private final InetAddress source;
    private final Consumer<String> log;
    private final Map<Check, ScheduledFuture<?>> running = new HashMap<>();
    private final Map<Check, Status> status = new ConcurrentHashMap<>();

    HealthMonitors(InetAddress source, Consumer<String> log) {
        this.source = source;
        this.log = log;
        this.scheduler = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "bigip-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the checks the model needs and stops the others; called from one thread only. */
    void apply(LbModel model) {
        Set<Check> wanted = new HashSet<>();
        for (LbModel.Pool pool : model.pools().values()) {
            for (LbModel.Member member : pool.members()) {
                for (String path : member.monitors()) {
                    LbModel.Monitor monitor = model.monitors().get(path);
                    if (monitor != null) {
                        wanted.add(new Check(pool.fullPath(), member.fullPath(), member.host(), member.port(), monitor));
                    }
                }
            }
        }
        running.entrySet().removeIf(e -> {
            if (!wanted.contains(e.getKey())) {
                e.getValue().cancel(true);
                status.remove(e.getKey());
                return true;
            }
            return false;
        });
        for (Check check : wanted) {
            if (!running.containsKey(check)) {
                status.put(check, Status.CHECKING);
                long started = System.nanoTime();
                long[] lastPass = {started};
                running.put(check, scheduler.scheduleWithFixedDelay(() -> run(check, lastPass),
                        0, check.monitor().intervalSeconds() * 1000L, TimeUnit.MILLISECONDS));
            }
        }
    }

    private void run(Check check, long[] lastPass) {
        LbModel.Monitor m = check.monitor();
        int probeTimeout = (int) Math.min(m.timeoutSeconds(), m.intervalSeconds()) * 1000;
        boolean passed = Probe.check(m, check.host(), check.port(), source, probeTimeout);
        long now = System.nanoTime();
        Status before = status.get(check);
        if (before == null) {
            return; // the check was stopped while it ran
        }
        Status after = before;
        if (passed) {
            lastPass[0] = now;
            after = Status.UP;
        } else if (now - lastPass[0] >= TimeUnit.SECONDS.toNanos(m.timeoutSeconds())) {
            after = Status.DOWN;
        }
        if (after != before) {
            status.replace(check, after);
            log.accept("monitor " + m.fullPath() + " marks " + check.member() + " in " + check.pool() + " " + after.name().toLowerCase());
        }
    }

    /** "up" when every monitor on the member passes, "down" if any failed, else "checking"; empty if unmonitored. */
    Optional<String> state(String pool, String member, List<String> monitors) {
        if (monitors.isEmpty()) {
            return Optional.empty();
        }
        boolean anySeen = false;
        boolean allUp = true;
        for (Map.Entry<Check, Status> e : status.entrySet()) {
            Check c = e.getKey();
            if (c.pool().equals(pool) && c.member().equals(member)) {
                anySeen = true;
                if (e.getValue() == Status.DOWN) {
                    return Optional.of("down");
                }
                allUp &= e.getValue() == Status.UP;
            }
        }
        return Optional.of(anySeen && allUp ? "up" : "checking");
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
