package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mesoslab.standin.http.Json;
import mesoslab.standin.http.StandInHttpServer;
import mesoslab.standin.mesos.common.ZkUrl;

/**
 * The {@code marathon} stand-in: started with Marathon's flags, it contends for leadership in
 * ZooKeeper; the leader loads the stored apps and instances, subscribes to the leading Mesos
 * master as a framework, schedules, health-checks and serves the REST API; a standby proxies
 * the API to the leader. Losing the ZooKeeper session (or the latch) steps the leader down.
 */
public final class MarathonStandIn implements AutoCloseable {
    private final MarathonFlags flags;
    private final String hostname;
    private final StandInHttpServer http;
    private final LeaderLatch latch;
    private final EventBus events = new EventBus();
    private final SchedulerState state;
    private final Scheduler scheduler;
    private final AppService service;
    private final ObjectNode frameworkInfo;
    private final ExecutorService leadership = Executors.newSingleThreadExecutor(r -> daemon(r, "marathon-leadership"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "marathon-tick"));
    private volatile boolean leading;
    private volatile long leaderSinceMillis;
    private volatile MesosDriver driver;
    private volatile HealthChecker health;

    private MarathonStandIn(MarathonFlags flags) throws Exception {
        this.flags = flags;
        ZkUrl zk = ZkUrl.parse(flags.value("zk"));
        http = StandInHttpServer.http(new InetSocketAddress(flags.get("http_address").orElse("0.0.0.0"), flags.intValue("http_port")));
        hostname = flags.get("hostname").orElseGet(MarathonStandIn::localHostname);
        frameworkInfo = frameworkInfo();
        latch = new LeaderLatch(zk.connectString(), zk.path(), selfHostPort(), flags.intValue("zk_session_timeout"),
                now -> {
                    try {
                        leadership.execute(() -> onLeadership(now));
                    } catch (java.util.concurrent.RejectedExecutionException closing) {
                        // shutting down: close() stops the leader's duties itself
                    }
                });
        state = new SchedulerState(new StateStore(latch::client, zk.path()));
        scheduler = new Scheduler(state, events, SchedulerSettings.from(flags));
        service = new AppService(state, events, flags.intValue("local_port_min"), flags.intValue("local_port_max"));
        LeaderProxy proxy = new LeaderProxy(this::leading, this::leader, selfHostPort());
        new ClusterApi(this, state, scheduler, service).register(http, proxy);
        new AppsApi(state, service, scheduler).register(http, proxy);
        http.rawContext("/v2/events", this::eventStream);
    }

    /** Parses Marathon's flags and env, starts serving and contending; the caller closes it. */
    public static MarathonStandIn start(String[] args, Map<String, String> env) throws Exception {
        MarathonStandIn m = new MarathonStandIn(MarathonFlags.parse(args, env));
        m.http.start();
        m.latch.start();
        m.ticker.scheduleWithFixedDelay(m::tick, 200, 200, TimeUnit.MILLISECONDS);
        return m;
    }

    /** {@code mesoslab.standin.Main marathon ...}: runs until killed. */
    public static int main(String[] args) throws Exception {
        try {
            MarathonStandIn m = start(args, System.getenv());
            m.flags.ignored().forEach(f -> System.err.println("marathon: flag --" + f + " accepted but not used by the stand-in"));
            System.err.println("marathon stand-in " + m.selfHostPort() + " listening on port " + m.port());
            new CountDownLatch(1).await();
            return 0;
        } catch (FlagException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private void tick() {
        if (leading) {
            try {
                scheduler.tick();
            } catch (RuntimeException e) {
                System.err.println("marathon: scheduling round failed: " + e);
            }
        }
    }

    private void onLeadership(boolean now) {
        try {
            if (now && !leading) {
                state.load();
                MesosDriver d = new MesosDriver(flags.value("master"), frameworkInfo, state.frameworkIdStored(), 75_000, scheduler);
                scheduler.attach(d);
                driver = d;
                health = new HealthChecker(state, scheduler, events);
                health.start();
                leaderSinceMillis = System.currentTimeMillis();
                leading = true;
                d.start();
                System.err.println("marathon: elected leader as " + selfHostPort());
            } else if (!now && leading) {
                leading = false;
                stopLeaderDuties();
                System.err.println("marathon: lost leadership; now a standby");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("marathon: leadership change failed, abdicating: " + e);
            leading = false;
            stopLeaderDuties();
        }
    }

    private void stopLeaderDuties() {
        try {
            if (driver != null) {
                driver.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.attach(null);
        driver = null;
        if (health != null) {
            health.close();
        }
        events.closeAll();
        synchronized (state) {
            state.deployments.clear(); // only in memory: ZooKeeper keeps them for the next leader
        }
    }

    private ObjectNode frameworkInfo() throws FlagException {
        ObjectNode info = Json.object().put("user", mesosUser()).put("name", flags.value("framework_name"))
                .put("failover_timeout", (double) flags.longValue("failover_timeout"))
                .put("checkpoint", flags.toggle("checkpoint")).put("hostname", hostname)
                .put("webui_url", flags.get("webui_url").orElse("http://" + selfHostPort()))
                .put("role", flags.value("mesos_role"));
        info.putArray("capabilities").addObject().put("type", "PARTITION_AWARE");
        return info;
    }

    private void eventStream(HttpExchange exchange) throws IOException {
        try (exchange) {
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (!"GET".equals(exchange.getRequestMethod()) || accept == null || !accept.contains("text/event-stream")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            if (!leading) {
                Optional<String> l = leader();
                if (l.isEmpty()) {
                    exchange.sendResponseHeaders(502, -1);
                } else {
                    exchange.getResponseHeaders().set("Location", "http://" + l.get() + "/v2/events" + (query == null ? "" : "?" + query));
                    exchange.sendResponseHeaders(307, -1);
                }
                return;
            }
            Set<String> types = new TreeSet<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("event_type=")) {
                        types.add(java.net.URLDecoder.decode(pair.substring(11), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
            events.serve(exchange, types);
        }
    }

    void abdicateSoon() {
        leadership.execute(latch::abdicate);
    }

    public boolean leading() {
        return leading;
    }

    Optional<String> leader() {
        return leading ? Optional.of(selfHostPort()) : latch.leader();
    }

    public String selfHostPort() {
        return hostname + ":" + http.port();
    }

    String hostname() {
        return hostname;
    }

    MarathonFlags flags() {
        return flags;
    }

    String mesosUser() {
        return flags.get("mesos_user").orElse(System.getProperty("user.name", "root"));
    }

    String frameworkId() {
        MesosDriver d = driver;
        return d == null ? null : d.frameworkId();
    }

    String masterUrl() {
        MesosDriver d = driver;
        String endpoint = d == null ? null : d.masterEndpoint();
        return flags.get("mesos_leader_ui_url").orElse(endpoint == null ? null : "http://" + endpoint + "/");
    }

    long eventStreams() {
        return events.subscriberCount();
    }

    long leadershipSeconds() {
        return leading ? (System.currentTimeMillis() - leaderSinceMillis) / 1000 : 0;
    }

    public int port() {
        return http.port();
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() throws Exception {
        ticker.shutdownNow();
        leading = false;
        leadership.shutdownNow();
        stopLeaderDuties();
        latch.close();
        http.close();
    }
}
