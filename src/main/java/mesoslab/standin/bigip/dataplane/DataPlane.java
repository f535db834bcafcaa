package mesoslab.standin.bigip.dataplane;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import mesoslab.standin.bigip.config.Config;

/**
 * The traffic side of the stand-in: one listener per enabled virtual server on its destination,
 * health monitors on every monitored pool member, and round-robin over the members that are up.
 * Each committed configuration is applied on one thread, in order, so listeners start and stop
 * live and never race each other.
 */
public final class DataPlane implements MemberHealth, AutoCloseable {
    private final ExecutorService applier = Executors.newSingleThreadExecutor(daemon("bigip-dataplane"));
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("bigip-connection"));
    private final Map<InetSocketAddress, VirtualListener> listeners = new HashMap<>();
    private final Map<String, AtomicInteger> roundRobin = new ConcurrentHashMap<>();
    private final HealthMonitors monitors;
    private final InetAddress selfIp;
    private final Consumer<String> log;
    private volatile LbModel model = new LbModel(Map.of(), Map.of(), Map.of());

    /** @param selfIp the address monitors and SNAT-automapped connections come from; null lets the OS choose */
    public DataPlane(InetAddress selfIp, Consumer<String> log) {
        this.selfIp = selfIp;
        this.log = log;
        this.monitors = new HealthMonitors(selfIp, log);
    }

    /** Queues {@code config} to be applied; returns at once. */
    public void apply(Config config) {
        applier.execute(() -> applyNow(LbModel.from(config)));
    }

    /** Waits until every configuration queued so far is applied (tests and start-up use this). */
    public void awaitApplied() throws InterruptedException {
        try {
            applier.submit(() -> {}).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the data plane did not apply the configuration", e);
        }
    }

    private void applyNow(LbModel next) {
        model = next;
        monitors.apply(next);
        listeners.entrySet().removeIf(e -> {
            LbModel.Virtual wanted = next.virtuals().get(e.getKey());
            if (wanted == null) {
                e.getValue().close();
                log.accept("virtual " + e.getValue().virtual().fullPath() + " stopped listening on " + describe(e.getKey()));
                return true;
            }
            e.getValue().update(wanted);
            return false;
        });
        for (LbModel.Virtual virtual : next.virtuals().values()) {
            if (!listeners.containsKey(virtual.listen())) {
                try {
                    listeners.put(virtual.listen(), new VirtualListener(virtual, workers, this::candidates, selfIp, log));
                    log.accept("virtual " + virtual.fullPath() + " listening on " + describe(virtual.listen()));
                } catch (IOException e) {
                    // Retried on the next configuration change, e.g. once the address exists on this host.
                    log.accept("virtual " + virtual.fullPath() + " cannot listen on " + describe(virtual.listen()) + ": " + e.getMessage());
                }
            }
        }
    }

    /**
     * The members to try for one new connection to {@code virtualPath}: the next one in round-robin
     * order among those up, then the rest as fallbacks. Empty when none is up.
     */
    private List<LbModel.Member> candidates(String virtualPath) {
        LbModel current = model;
        LbModel.Virtual virtual = current.virtuals().values().stream()
                .filter(v -> v.fullPath().equals(virtualPath)).findFirst().orElse(null);
        LbModel.Pool pool = virtual == null ? null : current.pools().get(virtual.pool());
        if (pool == null) {
            return List.of();
        }
        List<LbModel.Member> up = new ArrayList<>();
        for (LbModel.Member m : pool.members()) {
            if (m.enabled() && monitors.state(pool.fullPath(), m.fullPath(), m.monitors()).map("up"::equals).orElse(true)) {
                up.add(m);
            }
        }
        if (up.isEmpty()) {
            return List.of();
        }
        int start = Math.floorMod(roundRobin.computeIfAbsent(pool.fullPath(), k -> new AtomicInteger()).getAndIncrement(), up.size());
        List<LbModel.Member> order = new ArrayList<>(up.subList(start, up.size()));
        order.addAll(up.subList(0, start));
        return order;
    }

    @Override
    public Optional<String> state(String poolFullPath, String memberFullPath) {
        LbModel.Pool pool = model.pools().get(poolFullPath);
        if (pool == null) {
            return Optional.empty();
        }
        return pool.members().stream().filter(m -> m.fullPath().equals(memberFullPath)).findFirst()
                .flatMap(m -> monitors.state(poolFullPath, memberFullPath, m.monitors()));
    }

    private static String describe(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        applier.shutdownNow();
        try {
            applier.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listeners.values().forEach(VirtualListener::close);
        listeners.clear();
        monitors.close();
        workers.shutdownNow();
    }
}
