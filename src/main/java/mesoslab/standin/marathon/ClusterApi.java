package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import mesoslab.standin.http.Json;
import mesoslab.standin.http.Request;
import mesoslab.standin.http.Response;
import mesoslab.standin.http.StandInHttpServer;

/**
 * The API around the apps: {@code /ping}, {@code /metrics}, {@code /v2/info}, {@code /v2/leader},
 * {@code /v2/tasks}, {@code /v2/deployments} and {@code /v2/queue}.
 */
final class ClusterApi {
    static final String VERSION = "1.11.24";
    private final MarathonStandIn marathon;
    private final SchedulerState state;
    private final Scheduler scheduler;
    private final AppService service;
    private final long startMillis = System.currentTimeMillis();

    ClusterApi(MarathonStandIn marathon, SchedulerState state, Scheduler scheduler, AppService service) {
        this.marathon = marathon;
        this.state = state;
        this.scheduler = scheduler;
        this.service = service;
    }

    void register(StandInHttpServer http, LeaderProxy proxy) {
        http.get("/ping", r -> proxy.answer(r, x -> Response.text(200, "pong\n")));
        http.get("/metrics", r -> proxy.answer(r, x -> Response.json(metrics())));
        http.get("/v2/info", r -> proxy.answer(r, x -> Response.json(info())));
        http.get("/v2/leader", r -> proxy.answer(r, x -> Response.json(Json.object().put("leader", marathon.selfHostPort()))));
        http.delete("/v2/leader", r -> proxy.answer(r, x -> {
            marathon.abdicateSoon();
            return Response.json(Json.object().put("message", "Leadership abdicated"));
        }));
        http.get("/v2/tasks", r -> proxy.answer(r, this::tasks));
        http.post("/v2/tasks/delete", r -> proxy.answer(r, this::deleteTasks));
        http.get("/v2/deployments", r -> proxy.answer(r, x -> Response.json(deployments())));
        http.delete("/v2/deployments/{id}", r -> proxy.answer(r, this::cancelDeployment));
        http.get("/v2/queue", r -> proxy.answer(r, x -> Response.json(queue())));
    }

    private ObjectNode info() {
        MarathonFlags f = marathon.flags();
        ObjectNode o = Json.object().put("name", "marathon").put("version", VERSION).put("buildref", "mesoslab-standin")
                .put("elected", marathon.leading()).put("leader", marathon.leader().orElse(null));
        String fid = marathon.frameworkId();
        if (fid == null) {
            o.putNull("frameworkId");
        } else {
            o.put("frameworkId", fid);
        }
        ObjectNode mc = o.putObject("marathon_config");
        mc.put("master", f.value("master")).put("hostname", marathon.hostname()).put("ha", f.toggle("ha"))
                .put("framework_name", f.value("framework_name"))
                .put("mesos_leader_ui_url", marathon.masterUrl())
                .put("webui_url", f.get("webui_url").orElse(null))
                .put("failover_timeout", Long.parseLong(f.value("failover_timeout")))
                .put("task_launch_timeout", Long.parseLong(f.value("task_launch_timeout")))
                .put("local_port_min", Integer.parseInt(f.value("local_port_min")))
                .put("local_port_max", Integer.parseInt(f.value("local_port_max")))
                .put("mesos_role", f.value("mesos_role")).put("mesos_user", marathon.mesosUser())
                .put("checkpoint", f.toggle("checkpoint")).put("executor", "//cmd")
                .put("decline_offer_duration", Long.parseLong(f.value("decline_offer_duration")))
                .put("reconciliation_interval", Long.parseLong(f.value("reconciliation_interval")));
        o.putObject("zookeeper_config").put("zk", f.value("zk")).put("zk_timeout", Long.parseLong(f.value("zk_timeout")))
                .put("zk_session_timeout", Long.parseLong(f.value("zk_session_timeout"))).put("zk_max_versions", 50);
        o.putObject("http_config").put("http_port", marathon.port()).put("https_port", Integer.parseInt(f.value("https_port")));
        return o;
    }

    private ObjectNode metrics() {
        ObjectNode o = Json.object().put("version", "4.0.0");
        ObjectNode gauges = o.putObject("gauges");
        synchronized (state) {
            gauge(gauges, "marathon.apps.active.gauge", state.apps.size());
            gauge(gauges, "marathon.deployments.active.gauge", state.deployments.size());
            gauge(gauges, "marathon.instances.running.gauge", state.instances.values().stream().filter(Instance::running).count());
            gauge(gauges, "marathon.instances.staged.gauge", state.instances.values().stream().filter(i -> !i.running()).count());
            gauge(gauges, "marathon.instances.launch-overdue.gauge", state.queuedSince.size());
        }
        gauge(gauges, "marathon.http.event-streams.active.gauge", marathon.eventStreams());
        gauge(gauges, "marathon.uptime.gauge.seconds", (System.currentTimeMillis() - startMillis) / 1000);
        gauge(gauges, "marathon.leadership.duration.gauge.seconds", marathon.leadershipSeconds());
        o.putObject("counters");
        o.putObject("histograms");
        o.putObject("meters");
        o.putObject("timers");
        return o;
    }

    private static void gauge(ObjectNode gauges, String name, long value) {
        gauges.putObject(name).put("value", value);
    }

    private Response tasks(Request r) {
        List<String> states = new ArrayList<>();
        r.query().getOrDefault("status", List.of()).forEach(s -> states.add("TASK_" + s.toUpperCase(java.util.Locale.ROOT)));
        ObjectNode out = Json.object();
        ArrayNode tasks = out.putArray("tasks");
        synchronized (state) {
            for (Instance i : state.instances.values()) {
                if (states.isEmpty() || states.contains(i.state)) {
                    tasks.add(AppJsonWriter.task(state.apps.get(i.appId), i));
                }
            }
        }
        return Response.json(out);
    }

    /** {@code POST /v2/tasks/delete?scale=} with {@code {"ids":[...]}}. */
    private Response deleteTasks(Request r) {
        boolean scale = "true".equals(r.queryParam("scale", "false"));
        List<String> ids = new ArrayList<>();
        r.json().path("ids").forEach(id -> ids.add(id.asText()));
        List<AppService.Change> changes = new ArrayList<>();
        synchronized (state) {
            java.util.Map<String, Integer> perApp = new java.util.TreeMap<>();
            for (String id : ids) {
                Instance i = state.byTask(id);
                if (i != null) {
                    scheduler.kill(i);
                    perApp.merge(i.appId, 1, Integer::sum);
                }
            }
            if (scale) {
                perApp.forEach((app, n) -> changes.add(service.scaleDownBy(app, n)));
            }
        }
        return scale && !changes.isEmpty() ? AppsApi.deploymentResult(200, changes.get(changes.size() - 1))
                : Response.json(Json.object().putArray("tasks"));
    }

    private ArrayNode deployments() {
        ArrayNode out = Json.array();
        synchronized (state) {
            state.deployments.values().forEach(d -> out.add(d.toJson()));
        }
        return out;
    }

    /** Cancelling drops the deployment; the app keeps its current definition (no rollback plan here). */
    private Response cancelDeployment(Request r) {
        synchronized (state) {
            Deployment d = state.removeDeployment(r.pathParam("id"));
            if (d == null) {
                throw AppService.error(404, Json.object().put("message", "DeploymentPlan " + r.pathParam("id") + " does not exist"));
            }
            return Response.json(202, Json.object().put("version", d.version()).put("deploymentId", d.id()));
        }
    }

    private ObjectNode queue() {
        ObjectNode out = Json.object();
        ArrayNode queue = out.putArray("queue");
        synchronized (state) {
            for (AppSpec app : state.apps.values()) {
                Long since = state.queuedSince.get(app.id());
                if (since == null) {
                    continue;
                }
                long live = state.instancesOf(app.id()).stream()
                        .filter(i -> !i.killRequested && i.configVersion.equals(app.configVersion())).count();
                ObjectNode item = queue.addObject().put("count", Math.max(0, app.instances() - live));
                long left = state.launchDelayLeftMillis(app.id());
                item.putObject("delay").put("timeLeftSeconds", (left + 999) / 1000).put("overdue", left == 0);
                item.put("since", Timestamps.format(since));
                JsonNode def = app.definition();
                item.set("app", def);
                ObjectNode summary = item.putObject("processedOffersSummary");
                summary.put("processedOffersCount", 0).put("unusedOffersCount", 0);
                summary.putArray("rejectSummaryLastOffers");
                summary.putArray("rejectSummaryLaunchAttempt");
                item.putArray("lastUnusedOffers");
            }
        }
        return out;
    }
}
