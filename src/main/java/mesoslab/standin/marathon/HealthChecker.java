package mesoslab.standin.marathon;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mesoslab.standin.http.Json;

/**
 * Runs app health checks from Marathon itself, for real: HTTP(S) GET to {@code host:port+path}
 * (2xx/3xx alive), TCP connect, or a COMMAND in a shell. The MESOS_ variants, which Mesos would
 * run on the agent, are run the same way here (agent and Marathon share the loopback network).
 * Failures inside {@code gracePeriodSeconds} of the task's start are ignored until the first
 * success; {@code maxConsecutiveFailures} in a row kill the task, and the scheduler replaces it.
 */
final class HealthChecker implements AutoCloseable {
    private final SchedulerState state;
    private final Scheduler scheduler;
    private final EventBus events;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "marathon-health-timer"));
    private final ExecutorService probes = Executors.newCachedThreadPool(r -> daemon(r, "marathon-health-probe"));
    /** "instanceId#checkIndex" → when the next probe is due; a probe in flight has no entry. */
    private final Map<String, Long> due = new HashMap<>();
    private final java.util.Set<String> inFlight = new java.util.HashSet<>();

    HealthChecker(SchedulerState state, Scheduler scheduler, EventBus events) {
        this.state = state;
        this.scheduler = scheduler;
        this.events = events;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::schedule, 100, 100, TimeUnit.MILLISECONDS);
    }

    private void schedule() {
        synchronized (state) {
            long now = System.currentTimeMillis();
            due.keySet().removeIf(key -> !state.instances.containsKey(key.substring(0, key.lastIndexOf('#'))));
            inFlight.removeIf(key -> !state.instances.containsKey(key.substring(0, key.lastIndexOf('#'))));
            for (Instance i : state.instances.values()) {
                AppSpec app = state.apps.get(i.appId);
                if (app == null || !i.running() || i.killRequested) {
                    continue;
                }
                for (int n = 0; n < app.healthChecks().size() && n < i.health.size(); n++) {
                    String key = i.instanceId + "#" + n;
                    Long when = due.get(key);
                    if (when == null && !inFlight.contains(key)) {
                        due.put(key, now);
                    } else if (when != null && when <= now) {
                        due.remove(key);
                        inFlight.add(key);
                        HealthCheckSpec check = app.healthChecks().get(n);
                        int index = n;
                        probes.execute(() -> probe(i, index, check, key));
                    }
                }
            }
        }
    }

    private void probe(Instance i, int index, HealthCheckSpec check, String key) {
        String cause = run(i, check);
        synchronized (state) {
            inFlight.remove(key);
            if (!state.instances.containsKey(i.instanceId) || i.killRequested) {
                return;
            }
            due.put(key, System.currentTimeMillis() + check.intervalSeconds() * 1000L);
            HealthState h = i.health.get(index);
            boolean inGrace = h.firstSuccess == null && i.startedAtMillis != null
                    && System.currentTimeMillis() < i.startedAtMillis + check.gracePeriodSeconds() * 1000L;
            if (cause != null && inGrace) {
                return;
            }
            if (h.record(cause == null, cause)) {
                events.publish("health_status_changed_event", Json.object().put("appId", i.appId)
                        .put("instanceId", i.instanceId).put("version", i.version).put("alive", h.alive));
                events.publish("instance_health_changed_event", Json.object().put("instanceId", i.instanceId)
                        .put("runSpecId", i.appId).put("runSpecVersion", i.version).put("healthy", i.healthy()));
            }
            if (cause != null) {
                events.publish("failed_health_check_event", Json.object().put("appId", i.appId)
                        .put("taskId", i.taskId).put("instanceId", i.instanceId).put("cause", cause));
                if (check.maxConsecutiveFailures() > 0 && h.consecutiveFailures >= check.maxConsecutiveFailures()) {
                    events.publish("unhealthy_instance_kill_event", Json.object().put("appId", i.appId)
                            .put("taskId", i.taskId).put("instanceId", i.instanceId).put("version", i.version)
                            .put("reason", cause).put("host", i.host).put("slaveId", i.agentId));
                    scheduler.kill(i);
                }
            }
        }
    }

    /** Runs one probe; null when alive, else why not. */
    static String run(Instance i, HealthCheckSpec check) {
        int timeoutMs = check.timeoutSeconds() * 1000;
        Integer port = check.port() != null ? check.port()
                : check.portIndex() != null && check.portIndex() < i.hostPorts.size() ? i.hostPorts.get(check.portIndex()) : null;
        try {
            if (check.command() != null) {
                Process p = new ProcessBuilder("sh", "-c", check.command()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return "command timed out after " + check.timeoutSeconds() + " s";
                }
                return p.exitValue() == 0 ? null : "command exited with status " + p.exitValue();
            }
            if (port == null) {
                return "no port for the health check";
            }
            if (check.tcp()) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(i.host, port), timeoutMs);
                }
                return null;
            }
            String scheme = check.protocol().endsWith("HTTPS") ? "https" : "http";
            HttpURLConnection c = (HttpURLConnection) URI.create(scheme + "://" + i.host + ":" + port + check.path()).toURL().openConnection();
            c.setConnectTimeout(timeoutMs);
            c.setReadTimeout(timeoutMs);
            c.setInstanceFollowRedirects(false);
            try {
                int code = c.getResponseCode();
                return code >= 200 && code < 400 ? null : "HTTP status " + code;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        probes.shutdownNow();
    }
}
