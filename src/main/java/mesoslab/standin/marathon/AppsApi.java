package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import mesoslab.standin.http.HttpError;
import mesoslab.standin.http.Json;
import mesoslab.standin.http.Request;
import mesoslab.standin.http.Response;
import mesoslab.standin.http.StandInHttpServer;

/**
 * {@code /v2/apps} and everything below it. App ids contain slashes ({@code /demo/web}), so one
 * route takes the rest of the path and the trailing {@code /tasks}, {@code /tasks/<id>},
 * {@code /restart} or {@code /versions} is split off here, as Marathon reserves those names.
 */
final class AppsApi {
    private final SchedulerState state;
    private final AppService service;
    private final Scheduler scheduler;

    AppsApi(SchedulerState state, AppService service, Scheduler scheduler) {
        this.state = state;
        this.service = service;
        this.scheduler = scheduler;
    }

    void register(StandInHttpServer http, LeaderProxy proxy) {
        http.get("/v2/apps", r -> proxy.answer(r, this::list));
        http.post("/v2/apps", r -> proxy.answer(r, this::create));
        http.put("/v2/apps", r -> proxy.answer(r, this::bulkUpdate));
        http.patch("/v2/apps", r -> proxy.answer(r, this::bulkUpdate));
        http.get("/v2/apps/{id...}", r -> proxy.answer(r, this::get));
        http.put("/v2/apps/{id...}", r -> proxy.answer(r, x -> update(x, !"false".equals(x.queryParam("partialUpdate", "true")))));
        http.patch("/v2/apps/{id...}", r -> proxy.answer(r, x -> update(x, true)));
        http.delete("/v2/apps/{id...}", r -> proxy.answer(r, this::delete));
        http.post("/v2/apps/{id...}", r -> proxy.answer(r, this::post));
    }

    private static boolean force(Request r) {
        return "true".equals(r.queryParam("force", "false"));
    }

    private static String clientIp(Request r) {
        return r.remote().getAddress().getHostAddress();
    }

    private Response list(Request r) {
        List<String> embed = r.query().getOrDefault("embed", List.of());
        boolean tasks = embed.contains("apps.tasks") || embed.contains("app.tasks");
        boolean failures = embed.contains("apps.lastTaskFailure") || embed.contains("app.lastTaskFailure");
        String idFilter = r.queryParam("id", null);
        String cmdFilter = r.queryParam("cmd", null);
        String label = r.queryParam("label", null);
        ObjectNode out = Json.object();
        ArrayNode apps = out.putArray("apps");
        synchronized (state) {
            for (AppSpec app : state.apps.values()) {
                if (idFilter != null && !app.id().contains(idFilter) || cmdFilter != null && (app.cmd() == null || !app.cmd().contains(cmdFilter))
                        || label != null && !LabelSelector.matches(label, app.labels())) {
                    continue;
                }
                apps.add(AppJsonWriter.app(app, state.instancesOf(app.id()), state.deploymentsOf(app.id()), tasks,
                        failures ? state.lastTaskFailures.get(app.id()) : null));
            }
        }
        return Response.json(out);
    }

    private Response create(Request r) {
        AppService.Change c = service.create(body(r), clientIp(r), r.path());
        ObjectNode app;
        synchronized (state) {
            app = AppJsonWriter.app(c.app(), List.of(), List.of(c.deployment()), false, null);
        }
        return Response.json(201, app).withHeader("Location", c.app().id())
                .withHeader("Marathon-Deployment-Id", c.deployment().id());
    }

    private Response bulkUpdate(Request r) {
        JsonNode body = r.json();
        if (!body.isArray()) {
            throw AppService.invalid("Invalid JSON", List.of(new Violation("/", List.of("error.expected.jsarray"))));
        }
        List<AppService.Change> changes = new ArrayList<>();
        for (JsonNode app : body) {
            String id = app.path("id").asText("");
            if (id.isEmpty()) {
                throw AppService.invalid("Invalid JSON", List.of(new Violation("/id", List.of("error.path.missing"))));
            }
            changes.add(service.update(id, app, true, force(r), clientIp(r), r.path()));
        }
        return deploymentResult(200, changes.isEmpty() ? null : changes.get(changes.size() - 1));
    }

    private Response get(Request r) {
        String id = r.pathParam("id");
        if (id.endsWith("/tasks") || id.equals("tasks")) {
            String appId = id.substring(0, id.length() - "tasks".length());
            synchronized (state) {
                AppSpec app = service.existing(appId);
                ObjectNode out = Json.object();
                ArrayNode tasks = out.putArray("tasks");
                state.instancesOf(app.id()).forEach(i -> tasks.add(AppJsonWriter.task(app, i)));
                return Response.json(out);
            }
        }
        if (id.endsWith("/versions")) {
            synchronized (state) {
                AppSpec app = service.existing(id.substring(0, id.length() - "/versions".length()));
                ObjectNode out = Json.object();
                out.putArray("versions").add(app.version());
                return Response.json(out);
            }
        }
        synchronized (state) {
            AppSpec app = service.existing(id);
            ObjectNode out = Json.object();
            out.set("app", AppJsonWriter.app(app, state.instancesOf(app.id()), state.deploymentsOf(app.id()), true,
                    state.lastTaskFailures.get(app.id())));
            return Response.json(out);
        }
    }

    private Response update(Request r, boolean partial) {
        String id = r.pathParam("id");
        AppService.Change c = service.update(id, body(r), partial, force(r), clientIp(r), r.path());
        return deploymentResult(c.created() ? 201 : 200, c);
    }

    private Response post(Request r) {
        String id = r.pathParam("id");
        if (!id.endsWith("/restart")) {
            throw new HttpError(405, "Method Not Allowed");
        }
        return deploymentResult(200, service.restart(id.substring(0, id.length() - "/restart".length()), force(r)));
    }

    private Response delete(Request r) {
        String id = r.pathParam("id");
        int tasksAt = id.lastIndexOf("/tasks");
        if (tasksAt >= 0 && (id.endsWith("/tasks") || id.indexOf('/', tasksAt + 7) < 0)) {
            return killTasks(r, id.substring(0, tasksAt), id.endsWith("/tasks") ? null : id.substring(tasksAt + 7));
        }
        return deploymentResult(200, service.delete(id, force(r)));
    }

    /** {@code DELETE /v2/apps/{id}/tasks[/{taskId}]?scale=&host=}: kill one or all tasks of an app. */
    private Response killTasks(Request r, String appId, String taskId) {
        boolean scale = "true".equals(r.queryParam("scale", "false"));
        String host = r.queryParam("host", null);
        List<ObjectNode> killed = new ArrayList<>();
        AppSpec app;
        synchronized (state) {
            app = service.existing(appId);
            for (Instance i : state.instancesOf(app.id())) {
                if ((taskId == null || i.taskId.equals(taskId) || i.instanceId.equals(taskId)) && (host == null || host.equals(i.host))) {
                    killed.add(AppJsonWriter.task(app, i));
                    scheduler.kill(i);
                }
            }
        }
        if (taskId != null && killed.isEmpty()) {
            throw AppService.error(404, Json.object().put("message", "Task '" + taskId + "' does not exist"));
        }
        if (scale) {
            return deploymentResult(200, service.scaleDownBy(app.id(), killed.size()));
        }
        if (taskId != null) {
            return Response.json(Json.object().set("task", killed.get(0)));
        }
        ObjectNode out = Json.object();
        killed.forEach(out.putArray("tasks")::add);
        return Response.json(out);
    }

    private static JsonNode body(Request r) {
        try {
            return r.body().length == 0 ? Json.object() : Json.MAPPER.readTree(r.body());
        } catch (java.io.IOException e) {
            throw AppService.invalid("Invalid JSON", List.of(new Violation("/", List.of("error.json.parse"))));
        }
    }

    static Response deploymentResult(int status, AppService.Change c) {
        if (c == null) {
            return Response.json(status, Json.object());
        }
        ObjectNode body = Json.object().put("version", c.deployment().version()).put("deploymentId", c.deployment().id());
        return Response.json(status, body).withHeader("Marathon-Deployment-Id", c.deployment().id());
    }
}
