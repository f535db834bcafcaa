package mesoslab.standin.mesos.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.UUID;
import mesoslab.standin.http.Json;

/** Builds v1 scheduler events and TaskStatus objects in Mesos' protobuf-JSON form. */
final class Events {
    private Events() {}

    static ObjectNode id(String value) {
        return Json.object().put("value", value);
    }

    static ObjectNode subscribed(String frameworkId, double heartbeatSeconds, JsonNode masterInfo) {
        ObjectNode e = Json.object().put("type", "SUBSCRIBED");
        ObjectNode s = e.putObject("subscribed");
        s.set("framework_id", id(frameworkId));
        s.put("heartbeat_interval_seconds", heartbeatSeconds);
        s.set("master_info", masterInfo);
        return e;
    }

    static ObjectNode offers(JsonNode offer) {
        ObjectNode e = Json.object().put("type", "OFFERS");
        e.putObject("offers").putArray("offers").add(offer);
        return e;
    }

    static ObjectNode rescind(String offerId) {
        ObjectNode e = Json.object().put("type", "RESCIND");
        e.putObject("rescind").set("offer_id", id(offerId));
        return e;
    }

    static ObjectNode update(JsonNode status) {
        ObjectNode e = Json.object().put("type", "UPDATE");
        e.putObject("update").set("status", status);
        return e;
    }

    static ObjectNode heartbeat() {
        return Json.object().put("type", "HEARTBEAT");
    }

    static ObjectNode error(String message) {
        ObjectNode e = Json.object().put("type", "ERROR");
        e.putObject("error").put("message", message);
        return e;
    }

    /** A TaskStatus; {@code uuid} is set only for updates that expect an ACKNOWLEDGE, as in Mesos. */
    static ObjectNode status(String taskId, String agentId, String state, String source, String reason,
            String message, boolean withUuid) {
        ObjectNode s = Json.object();
        s.set("task_id", id(taskId));
        if (agentId != null) {
            s.set("agent_id", id(agentId));
        }
        s.put("state", state).put("source", source).put("timestamp", System.currentTimeMillis() / 1000.0);
        if (reason != null) {
            s.put("reason", reason);
        }
        if (message != null) {
            s.put("message", message);
        }
        if (withUuid) {
            UUID u = UUID.randomUUID();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            s.put("uuid", Base64.getEncoder().encodeToString(b.array()));
        }
        return s;
    }
}
