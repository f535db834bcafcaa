package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import mesoslab.standin.http.Json;

/** The v1 scheduler calls Marathon sends, in Mesos' protobuf-JSON form. */
final class MesosCalls {
    private MesosCalls() {}

    static ObjectNode accept(String offerId, List<ObjectNode> taskInfos, double refuseSeconds) {
        ObjectNode call = Json.object().put("type", "ACCEPT");
        ObjectNode accept = call.putObject("accept");
        accept.putArray("offer_ids").addObject().put("value", offerId);
        ArrayNode tasks = accept.putArray("operations").addObject().put("type", "LAUNCH").putObject("launch").putArray("task_infos");
        taskInfos.forEach(tasks::add);
        accept.putObject("filters").put("refuse_seconds", refuseSeconds);
        return call;
    }

    static ObjectNode decline(String offerId, double refuseSeconds) {
        ObjectNode call = Json.object().put("type", "DECLINE");
        ObjectNode decline = call.putObject("decline");
        decline.putArray("offer_ids").addObject().put("value", offerId);
        decline.putObject("filters").put("refuse_seconds", refuseSeconds);
        return call;
    }

    static ObjectNode kill(Instance i) {
        ObjectNode call = Json.object().put("type", "KILL");
        ObjectNode kill = call.putObject("kill");
        kill.putObject("task_id").put("value", i.taskId);
        kill.putObject("agent_id").put("value", i.agentId);
        return call;
    }

    /** Acknowledges a status update that carries a uuid (the others need none). */
    static ObjectNode acknowledge(JsonNode status) {
        ObjectNode call = Json.object().put("type", "ACKNOWLEDGE");
        ObjectNode ack = call.putObject("acknowledge");
        ack.set("agent_id", status.path("agent_id"));
        ack.set("task_id", status.path("task_id"));
        ack.put("uuid", status.path("uuid").asText());
        return call;
    }

    static ObjectNode reconcile(Collection<Instance> instances) {
        ObjectNode call = Json.object().put("type", "RECONCILE");
        ArrayNode tasks = call.putObject("reconcile").putArray("tasks");
        for (Instance i : instances) {
            ObjectNode t = tasks.addObject();
            t.putObject("task_id").put("value", i.taskId);
            t.putObject("agent_id").put("value", i.agentId);
        }
        return call;
    }

    static ObjectNode revive() {
        return Json.object().put("type", "REVIVE");
    }
}
