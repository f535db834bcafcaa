package mesoslab.standin.mesos.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mesoslab.standin.http.HttpError;
import mesoslab.standin.http.Json;
import mesoslab.standin.http.Request;
import mesoslab.standin.http.Response;
import mesoslab.standin.http.StandInHttpServer;
import mesoslab.standin.mesos.common.MasterInfo;
import mesoslab.standin.mesos.common.ZkUrl;
import mesoslab.standin.mesos.flags.FlagException;
import mesoslab.standin.mesos.flags.MesosDuration;
import mesoslab.standin.mesos.flags.MesosFlags;

/**
 * The {@code mesos-master} stand-in: ZooKeeper leader election over {@code json.info_} znodes,
 * the read-only HTTP endpoints (307 to the leader when not leading), the v1 scheduler API and
 * the stand-in-only agent channel ({@link AgentChannel}).
 */
public final class MesosMasterStandIn implements AutoCloseable {
    public static final String VERSION = "1.11.0";
    static final double HEARTBEAT_SECONDS = 15.0;

    private final MesosFlags flags;
    private final MasterInfo self;
    private final double startTime = System.currentTimeMillis() / 1000.0;
    private volatile double electedTime;
    private volatile MasterState state;
    private final MasterElection election;
    private final StandInHttpServer http;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mesos-master-timers");
        t.setDaemon(true);
        return t;
    });

    private MesosMasterStandIn(MesosFlags flags) throws Exception {
        this.flags = flags;
        String ip = flags.get("advertise_ip").or(() -> flags.get("ip")).orElse("127.0.0.1");
        http = StandInHttpServer.http(new InetSocketAddress(flags.get("ip").orElse("127.0.0.1"), flags.intValue("port")));
        int port = flags.get("advertise_port").map(Integer::parseInt).orElse(http.port());
        String id = UUID.randomUUID().toString();
        self = new MasterInfo(id, ip, port, flags.get("hostname").orElse(ip), VERSION);
        state = new MasterState(id);
        String zk = flags.get("zk").orElseThrow(() -> new FlagException(
                "Flag '--zk' is required (the stand-in supports only ZooKeeper-based leader election)"));
        // The session timeout bounds a failover: a SIGKILLed leader's znode lives until its session expires.
        int sessionTimeout = (int) MesosDuration.millis("zk_session_timeout", flags.require("zk_session_timeout"));
        election = new MasterElection(ZkUrl.parse(zk), self, sessionTimeout, this::onLeaderChange);
        routes();
        http.rawContext("/api/v1/scheduler", new SchedulerApi(this)::handle);
    }

    /** Parses the real master's flags and starts serving; the caller closes it. */
    public static MesosMasterStandIn start(String[] args, Map<String, String> env) throws Exception {
        MesosMasterStandIn master = new MesosMasterStandIn(MesosFlags.parse(MasterFlags.KNOWN, MasterFlags.HONOURED, args, env));
        master.http.start();
        master.election.start();
        master.timers.scheduleAtFixedRate(master::tick, 1, 1, TimeUnit.SECONDS);
        master.timers.scheduleAtFixedRate(() -> master.state.heartbeat(), 15, 15, TimeUnit.SECONDS);
        return master;
    }

    /** {@code mesoslab.standin.Main mesos-master ...}: runs until killed. */
    public static int main(String[] args) throws Exception {
        try {
            MesosMasterStandIn master = start(args, System.getenv());
            master.flags.ignored().forEach(f -> System.err.println("mesos-master: flag --" + f + " accepted but not used by the stand-in"));
            System.err.println("mesos-master stand-in " + master.self.pid() + " listening on port " + master.port());
            new CountDownLatch(1).await();
            return 0;
        } catch (FlagException e) {
            System.err.println(e.getMessage() + "\n\nSee 'mesos-master --help' for a list of supported flags.");
            return 1;
        }
    }

    private void tick() {
        if (leading()) {
            state.expireAgents();
            state.allocate();
        }
    }

    private void onLeaderChange(Optional<MasterInfo> leader) {
        boolean nowLeading = leader.map(l -> l.id().equals(self.id())).orElse(false);
        if (nowLeading) {
            electedTime = System.currentTimeMillis() / 1000.0;
            System.err.println("mesos-master: elected as the leading master");
        } else {
            // A demoted master forgets its world; the new leader rebuilds it from re-registrations.
            state.disconnectAll();
            state = new MasterState(self.id());
        }
    }

    boolean leading() {
        return election.leading();
    }

    Optional<MasterInfo> leader() {
        return election.leader();
    }

    MasterState state() {
        return state;
    }

    MasterInfo self() {
        return self;
    }

    public int port() {
        return http.port();
    }

    public StandInHttpServer httpServer() {
        return http;
    }

    private void routes() {
        for (String prefix : new String[] {"/master", ""}) {
            http.get(prefix + "/health", r -> Response.empty(200));
            http.get(prefix + "/state", r -> leaderOnly(r, () -> Response.json(stateJson())));
            http.get(prefix + "/slaves", r -> leaderOnly(r, () -> {
                ObjectNode o = Json.object();
                synchronized (state) {
                    o.set("slaves", StateJson.slaves(state));
                }
                o.putArray("recovered_slaves");
                return Response.json(o);
            }));
            http.get(prefix + "/frameworks", r -> leaderOnly(r, () -> {
                ObjectNode o = Json.object();
                synchronized (state) {
                    o.set("frameworks", StateJson.frameworks(state));
                }
                o.putArray("completed_frameworks");
                o.putArray("unregistered_frameworks");
                return Response.json(o);
            }));
            http.get(prefix + "/tasks", r -> leaderOnly(r, () -> {
                ObjectNode o = Json.object();
                synchronized (state) {
                    o.set("tasks", StateJson.tasks(state));
                }
                return Response.json(o);
            }));
            http.get(prefix + "/redirect", r -> leader().map(l -> Response.redirect(307, "//" + l.endpoint()))
                    .orElseThrow(() -> new HttpError(503, "No leader elected")));
            http.get(prefix + "/flags", r -> {
                ObjectNode o = Json.object();
                flags.values().forEach(o.putObject("flags")::put);
                return Response.json(o);
            });
        }
        http.get("/version", r -> Response.json(Json.object().put("version", VERSION).put("git_tag", VERSION)
                .put("build_date", "2020-11-19 00:00:00").put("build_time", 1605744000.0).put("build_user", "mesoslab")));
        http.get("/metrics/snapshot", r -> Response.json(MasterMetrics.snapshot(this, startTime)));
        http.post(AgentChannel.REGISTER, r -> leaderOnly(r, () -> Response.json(
                Json.object().put("agent_id", state.registerAgent(r.json())).put("master_id", self.id()))));
        http.post(AgentChannel.STATUS, r -> leaderOnly(r, () -> {
            JsonNode msg = r.json();
            state.statusUpdate(msg.path("agent_id").asText(), msg.path("framework_id").asText(), msg.path("status"));
            return Response.json(Json.object());
        }));
    }

    private Response leaderOnly(Request request, java.util.concurrent.Callable<Response> answer) throws Exception {
        if (leading()) {
            return answer.call();
        }
        return leader().map(l -> Response.redirect(307, "//" + l.endpoint() + request.path()))
                .orElseThrow(() -> new HttpError(503, "No leader elected"));
    }

    private ObjectNode stateJson() {
        ObjectNode o = Json.object().put("version", VERSION).put("git_tag", VERSION)
                .put("build_date", "2020-11-19 00:00:00").put("build_time", 1605744000.0).put("build_user", "mesoslab")
                .put("start_time", startTime).put("elected_time", electedTime).put("id", self.id())
                .put("pid", self.pid()).put("hostname", self.hostname());
        o.putArray("capabilities").add("AGENT_UPDATE").add("AGENT_DRAINING").add("QUOTA_V2");
        MasterState s = state;
        synchronized (s) {
            o.put("activated_slaves", (double) s.agents.values().stream().filter(a -> a.active).count());
            o.put("deactivated_slaves", (double) s.agents.values().stream().filter(a -> !a.active).count());
            o.put("unreachable_slaves", 0.0);
            o.put("leader", self.pid());
            o.putObject("leader_info").put("id", self.id()).put("pid", self.pid()).put("port", self.port()).put("hostname", self.hostname());
            flags.get("cluster").ifPresent(c -> o.put("cluster", c));
            flags.get("log_dir").ifPresent(c -> o.put("log_dir", c));
            ObjectNode f = o.putObject("flags");
            flags.values().forEach(f::put);
            o.set("slaves", StateJson.slaves(s));
            o.putArray("recovered_slaves");
            o.set("frameworks", StateJson.frameworks(s));
        }
        o.putArray("completed_frameworks");
        o.putArray("orphan_tasks");
        o.putArray("unregistered_frameworks");
        return o;
    }

    @Override
    public void close() throws Exception {
        timers.shutdownNow();
        election.close();
        state.disconnectAll();
        http.close();
    }

    /** The ids a test or an operator might want to compare with ZooKeeper. */
    public String id() {
        return self.id();
    }

    public String znode() {
        return election.ownNode();
    }

    static Set<String> honoured() {
        return MasterFlags.HONOURED;
    }
}
