package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.standin.http.HttpError;
import mesoslab.standin.http.Json;
import mesoslab.standin.http.Response;

/**
 * App changes as the REST API asks for them: validate, assign service ports, version, store,
 * and start the deployment that carries the change out (with its events). Errors are answered
 * in Marathon's shapes: 422 with details, 409 for an existing or locked app, 404 for a missing one.
 */
final class AppService {
    private final SchedulerState state;
    private final EventBus events;
    private final int portMin;
    private final int portMax;

    /** What a change started: the app as it is now (null after a delete) and its deployment. */
    record Change(AppSpec app, Deployment deployment, boolean created) {}

    AppService(SchedulerState state, EventBus events, int portMin, int portMax) {
        this.state = state;
        this.events = events;
        this.portMin = portMin;
        this.portMax = portMax;
    }

    Change create(JsonNode body, String clientIp, String uri) {
        synchronized (state) {
            AppSpec parsed = parse(body, null);
            if (state.apps.containsKey(parsed.id())) {
                throw error(409, Json.object().put("message", "An app with id [" + parsed.id() + "] already exists."));
            }
            String v = Timestamps.newVersion();
            return store(parsed, v, v, v, "StartApplication", true, clientIp, uri);
        }
    }

    /** PUT/PATCH: a partial update merges the body's top-level fields into the current definition. */
    Change update(String rawId, JsonNode body, boolean partial, boolean force, String clientIp, String uri) {
        synchronized (state) {
            String id = AppJsonReader.absolute(rawId);
            AppSpec old = state.apps.get(id);
            if (old == null) {
                AppSpec parsed = parse(body, id);
                String v = Timestamps.newVersion();
                return store(parsed, v, v, v, "StartApplication", true, clientIp, uri);
            }
            unlock(id, force);
            JsonNode merged = partial ? merge(old.definition(), body) : body;
            AppSpec parsed = parse(merged, id);
            String v = Timestamps.newVersion();
            boolean scaleOnly = sameApartFromInstances(old.definition(), parsed.definition());
            String config = scaleOnly ? old.configVersion() : v;
            return store(parsed, v, config, v, scaleOnly ? "ScaleApplication" : "RestartApplication", false, clientIp, uri);
        }
    }

    Change restart(String rawId, boolean force) {
        synchronized (state) {
            AppSpec old = existing(rawId);
            unlock(old.id(), force);
            String v = Timestamps.newVersion();
            return store(old, v, v, old.scalingVersion(), "RestartApplication", false, null, null);
        }
    }

    Change delete(String rawId, boolean force) {
        synchronized (state) {
            AppSpec old = existing(rawId);
            unlock(old.id(), force);
            state.removeApp(old.id());
            Deployment d = begin(old.id(), "StopApplication", Timestamps.newVersion());
            events.publish("app_terminated_event", Json.object().put("appId", old.id()));
            return new Change(null, d, false);
        }
    }

    /** {@code DELETE .../tasks/{taskId}?scale=true}: one instance fewer, without replacement. */
    Change scaleDownBy(String appId, int by) {
        synchronized (state) {
            AppSpec old = existing(appId);
            ObjectNode def = old.definition().deepCopy();
            def.put("instances", Math.max(0, old.instances() - by));
            AppSpec parsed = parse(def, old.id());
            String v = Timestamps.newVersion();
            return store(parsed, v, old.configVersion(), v, "ScaleApplication", false, null, null);
        }
    }

    AppSpec existing(String rawId) {
        String id = AppJsonReader.absolute(rawId);
        AppSpec app = state.apps.get(id);
        if (app == null) {
            throw error(404, Json.object().put("message", "App '" + id + "' does not exist"));
        }
        return app;
    }

    private Change store(AppSpec parsed, String version, String config, String scaling, String action, boolean created,
            String clientIp, String uri) {
        AppSpec app = assignServicePorts(parsed).withVersions(version, config, scaling);
        state.putApp(app);
        if (!config.equals(scaling) || !created) {
            state.backoffs.remove(app.id());
        }
        if (uri != null) {
            ObjectNode post = Json.object().put("clientIp", clientIp).put("uri", uri);
            post.set("appDefinition", app.definition());
            events.publish("api_post_event", post);
        }
        events.publish("group_change_success", Json.object().put("groupId", "/").put("version", version));
        return new Change(app, begin(app.id(), action, version), created);
    }

    private Deployment begin(String appId, String action, String version) {
        Deployment d = Deployment.of(appId, action, version);
        state.addDeployment(d);
        events.publish("deployment_info", Json.object().<ObjectNode>set("plan", d.plan())
                .set("currentStep", d.plan().path("steps").get(0)));
        return d;
    }

    /** A deployment in progress locks its app; {@code force=true} cancels it instead. */
    private void unlock(String appId, boolean force) {
        List<Deployment> running = state.deploymentsOf(appId);
        if (running.isEmpty()) {
            return;
        }
        if (!force) {
            ObjectNode body = Json.object().put("message", "App is locked by one or more deployments. Override with the option"
                    + " '?force=true'. View details at '/v2/deployments/" + running.get(0).id() + "'.");
            ArrayNode list = body.putArray("deployments");
            running.forEach(d -> list.addObject().put("id", d.id()));
            throw error(409, body);
        }
        running.forEach(d -> {
            state.removeDeployment(d.id());
            events.publish("deployment_failed", Json.object().put("id", d.id()).<ObjectNode>set("plan", d.plan())
                    .put("reason", "canceled by a forced change"));
        });
    }

    private AppSpec parse(JsonNode body, String pathId) {
        try {
            return AppJsonReader.read(body, pathId);
        } catch (AppValidationException e) {
            throw invalid(e.title(), e.details());
        }
    }

    private AppSpec assignServicePorts(AppSpec app) {
        Map<Integer, String> owners = state.servicePortOwners(app.id());
        Set<Integer> mine = new HashSet<>();
        List<Integer> ports = new ArrayList<>();
        List<Violation> conflicts = new ArrayList<>();
        int next = portMin;
        for (int n = 0; n < app.ports().size(); n++) {
            int wanted = app.ports().get(n).servicePort();
            if (wanted != 0) {
                if (owners.containsKey(wanted)) {
                    conflicts.add(new Violation(app.bridge() ? "/container/portMappings(" + n + ")/servicePort" : "/portDefinitions(" + n + ")/port",
                            List.of("Requested service port " + wanted + " conflicts with a service port in app " + owners.get(wanted))));
                }
                ports.add(wanted);
                mine.add(wanted);
                continue;
            }
            while (next <= portMax && (owners.containsKey(next) || mine.contains(next) || usedLater(app, n, next))) {
                next++;
            }
            ports.add(next);
            mine.add(next++);
        }
        if (!conflicts.isEmpty()) {
            throw invalid("Object is not valid", conflicts);
        }
        return app.withServicePorts(ports);
    }

    private static boolean usedLater(AppSpec app, int from, int port) {
        return app.ports().stream().skip(from).anyMatch(p -> p.servicePort() == port);
    }

    private static JsonNode merge(ObjectNode current, JsonNode body) {
        if (body == null || !body.isObject()) {
            return body;
        }
        ObjectNode merged = current.deepCopy();
        merged.remove(List.of("version", "versionInfo"));
        if (body.has("cmd")) {
            merged.remove("args");
        }
        if (body.has("args")) {
            merged.remove("cmd");
        }
        if (body.path("container").path("docker").has("network")) {
            merged.remove(List.of("networks", "portDefinitions"));
        }
        body.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        return merged;
    }

    private static boolean sameApartFromInstances(ObjectNode a, ObjectNode b) {
        ObjectNode x = a.deepCopy();
        ObjectNode y = b.deepCopy();
        for (ObjectNode o : List.of(x, y)) {
            o.remove(List.of("instances", "version", "versionInfo"));
            strip(o);
        }
        return x.equals(y);
    }

    /** Service ports are assigned after parsing; compare definitions without them. */
    private static void strip(ObjectNode o) {
        o.path("container").path("portMappings").forEach(p -> ((ObjectNode) p).remove("servicePort"));
        o.path("portDefinitions").forEach(p -> ((ObjectNode) p).remove("port"));
    }

    static HttpError error(int status, ObjectNode body) {
        return new HttpError(Response.json(status, body), body.path("message").asText());
    }

    static HttpError invalid(String title, List<Violation> details) {
        ObjectNode body = Json.object().put("message", title);
        ArrayNode list = body.putArray("details");
        details.forEach(v -> {
            ObjectNode o = list.addObject().put("path", v.path());
            v.errors().forEach(o.putArray("errors")::add);
        });
        return error(422, body);
    }
}
