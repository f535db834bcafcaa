package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import mesoslab.standin.http.Json;

/**
 * A running deployment: one step with one action on one app ({@code StartApplication},
 * {@code ScaleApplication}, {@code RestartApplication} or {@code StopApplication}).
 */
record Deployment(String id, String version, String appId, String action) {

    static Deployment of(String appId, String action, String version) {
        return new Deployment(UUID.randomUUID().toString(), version, appId, action);
    }

    /** What {@link StateStore} keeps, so that a new leader carries the deployment on. */
    ObjectNode toStored() {
        return Json.object().put("id", id).put("version", version).put("appId", appId).put("action", action);
    }

    static Deployment fromStored(JsonNode o) {
        return new Deployment(o.path("id").asText(), o.path("version").asText(), o.path("appId").asText(), o.path("action").asText());
    }

    /** The {@code GET /v2/deployments} element. */
    ObjectNode toJson() {
        ObjectNode o = Json.object().put("id", id).put("version", version);
        o.putArray("affectedApps").add(appId);
        o.putArray("affectedPods");
        o.putArray("steps").addObject().set("actions", actions(false));
        o.set("currentActions", actions(true));
        o.put("currentStep", 1).put("totalSteps", 1);
        return o;
    }

    /** The {@code plan} of deployment events. */
    ObjectNode plan() {
        ObjectNode o = Json.object().put("id", id).put("version", version);
        o.putArray("steps").addObject().set("actions", actions(false));
        o.putObject("original").put("id", "/");
        o.putObject("target").put("id", "/");
        return o;
    }

    private ArrayNode actions(boolean current) {
        ArrayNode a = Json.array();
        ObjectNode action = a.addObject().put("action", action()).put("app", appId);
        if (current) {
            action.putArray("readinessCheckResults");
        }
        return a;
    }
}
