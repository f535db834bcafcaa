package mesoslab.standin.mesos.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mesoslab.standin.http.Json;
import mesoslab.standin.http.Response;
import mesoslab.standin.http.StandInHttpServer;
import mesoslab.standin.mesos.common.Attributes;
import mesoslab.standin.mesos.common.Resources;
import mesoslab.standin.mesos.flags.FlagException;
import mesoslab.standin.mesos.flags.MesosFlags;
import mesoslab.standin.mesos.master.AgentChannel;

/**
 * The {@code mesos-agent} stand-in: registers with the leading master, runs launched tasks as
 * processes in sandboxes and serves {@code /state}, {@code /health}, {@code /metrics/snapshot}.
 */
public final class MesosAgentStandIn implements AutoCloseable {
    private static final String VERSION = "1.11.0";

    private final MesosFlags flags;
    private final String ip;
    private final String hostname;
    private final Resources resources;
    private final Attributes attributes;
    private final double startTime = System.currentTimeMillis() / 1000.0;
    private final StandInHttpServer http;
    private final MasterLink master;
    private final TaskLauncher launcher;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mesos-agent-link");
        t.setDaemon(true);
        return t;
    });

    private MesosAgentStandIn(MesosFlags flags) throws Exception {
        this.flags = flags;
        String masterFlag = flags.require("master");
        Path workDir = Path.of(flags.require("work_dir"));
        ip = flags.get("advertise_ip").or(() -> flags.get("ip")).orElse("127.0.0.1");
        hostname = flags.get("hostname").orElse(ip);
        resources = Resources.parse(flags.get("resources").orElse(""));
        try {
            attributes = Attributes.parse(flags.get("attributes").orElse(""));
        } catch (Attributes.InvalidAttributes e) {
            throw new FlagException("Failed to load flag 'attributes': " + e.getMessage());
        }
        http = StandInHttpServer.http(new InetSocketAddress(flags.get("ip").orElse("127.0.0.1"), flags.intValue("port")));
        master = new MasterLink(masterFlag);
        launcher = new TaskLauncher(workDir, ip + ":" + http.port(), this::onStatus);
        routes();
    }

    public static MesosAgentStandIn start(String[] args, Map<String, String> env) throws Exception {
        MesosAgentStandIn agent = new MesosAgentStandIn(MesosFlags.parse(AgentFlags.KNOWN, AgentFlags.HONOURED, args, env));
        agent.http.start();
        agent.timer.scheduleWithFixedDelay(agent::tick, 0, 500, TimeUnit.MILLISECONDS);
        return agent;
    }

    /** {@code mesoslab.standin.Main mesos-agent ...}: runs until killed. */
    public static int main(String[] args) throws Exception {
        try {
            MesosAgentStandIn agent = start(args, System.getenv());
            agent.flags.ignored().forEach(f -> System.err.println("mesos-agent: flag --" + f + " accepted but not used by the stand-in"));
            System.err.println("mesos-agent stand-in listening on port " + agent.port());
            Runtime.getRuntime().addShutdownHook(new Thread(agent.launcher::killAll));
            new CountDownLatch(1).await();
            return 0;
        } catch (FlagException e) {
            System.err.println(e.getMessage() + "\n\nSee 'mesos-agent --help' for a list of supported flags.");
            return 1;
        }
    }

    public int port() {
        return http.port();
    }

    public String agentId() {
        return master.agentId();
    }

    private void tick() {
        try {
            master.tick(() -> {
                ObjectNode msg = Json.object().put("hostname", hostname).put("ip", ip).put("port", http.port())
                        .put("resources", resourcesText());
                msg.put("attributes", attributes.text());
                msg.set("tasks", MasterLink.taskList(launcher.tasks()));
                return msg;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("mesos-agent: talking to the master failed: " + e.getMessage());
        }
    }

    private String resourcesText() {
        return "cpus:" + resources.cpus() + ";mem:" + resources.mem() + ";disk:" + resources.disk()
                + ";ports:" + resources.rangesText();
    }

    private void onStatus(String frameworkId, String taskId, String state, String reason, String message) {
        ObjectNode status = Json.object();
        status.putObject("task_id").put("value", taskId);
        status.put("state", state).put("source", "SOURCE_EXECUTOR").put("timestamp", System.currentTimeMillis() / 1000.0);
        status.putObject("executor_id").put("value", taskId);
        if (reason != null) {
            status.put("reason", reason);
        }
        if (message != null) {
            status.put("message", message);
        }
        java.util.UUID u = java.util.UUID.randomUUID();
        status.put("uuid", java.util.Base64.getEncoder().encodeToString(
                java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array()));
        ObjectNode msg = Json.object().put("framework_id", frameworkId);
        msg.set("status", status);
        master.queueStatus(msg);
        try {
            timer.execute(this::tick); // deliver now rather than at the next ping
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // The agent is stopping; the update stays queued like any undelivered one.
        }
    }

    private void routes() {
        for (String prefix : new String[] {"", "/slave(1)"}) {
            http.get(prefix + "/state", r -> Response.json(AgentStateJson.state(this)));
            http.get(prefix + "/health", r -> Response.empty(200));
            http.get(prefix + "/flags", r -> {
                ObjectNode o = Json.object();
                flags.values().forEach(o.putObject("flags")::put);
                return Response.json(o);
            });
        }
        http.get("/version", r -> Response.json(Json.object().put("version", VERSION).put("git_tag", VERSION)));
        http.get("/metrics/snapshot", r -> {
            ObjectNode o = Json.object();
            o.put("slave/registered", master.masterEndpoint() != null ? 1.0 : 0.0);
            o.put("slave/uptime_secs", System.currentTimeMillis() / 1000.0 - startTime);
            long running = launcher.tasks().stream().filter(t -> t.state.equals("TASK_RUNNING")).count();
            o.put("slave/tasks_running", (double) running).put("slave/executors_running", (double) running);
            o.put("slave/cpus_total", resources.cpus()).put("slave/mem_total", resources.mem());
            o.put("slave/recovery_errors", 0.0);
            return Response.json(o);
        });
        http.post(AgentChannel.LAUNCH, r -> {
            JsonNode msg = r.json();
            // Launch off the request thread: the master's call must return before the first update.
            timer.execute(() -> launcher.launch(agentId(), msg.path("framework_id").asText(), msg.path("task")));
            return Response.json(Json.object());
        });
        http.post(AgentChannel.KILL, r -> {
            String taskId = r.json().path("task_id").asText();
            new Thread(() -> launcher.kill(taskId), "mesos-agent-kill").start();
            return Response.json(Json.object());
        });
    }

    ObjectNode describe() {
        ObjectNode o = Json.object().put("version", VERSION).put("start_time", startTime).put("id", agentId())
                .put("pid", "slave(1)@" + ip + ":" + http.port()).put("hostname", hostname);
        if (master.masterEndpoint() != null) {
            o.put("master_hostname", master.masterEndpoint().substring(0, master.masterEndpoint().lastIndexOf(':')));
        }
        o.set("resources", resources.toSummary());
        o.set("unreserved_resources", resources.toSummary());
        o.set("reserved_resources", Json.object());
        o.set("attributes", attributes.toSummary());
        ObjectNode f = o.putObject("flags");
        flags.values().forEach(f::put);
        return o;
    }

    Iterable<RunningTask> tasks() {
        return launcher.tasks();
    }

    @Override
    public void close() throws Exception {
        launcher.killAll();
        timer.shutdownNow();
        master.close();
        http.close();
    }
}
