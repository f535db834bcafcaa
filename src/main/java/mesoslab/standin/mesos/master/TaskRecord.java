package mesoslab.standin.mesos.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Set;
import mesoslab.standin.http.Json;
import mesoslab.standin.mesos.common.Resources;

/** A task as the master records it: the TaskInfo JSON, its latest state, and the status history. */
final class TaskRecord {
    static final Set<String> TERMINAL = Set.of("TASK_FINISHED", "TASK_FAILED", "TASK_KILLED", "TASK_ERROR",
            "TASK_LOST", "TASK_DROPPED", "TASK_GONE");

    final String id;
    final String frameworkId;
    final String agentId;
    final JsonNode info;
    final Resources resources;
    String state = "TASK_STAGING";
    final ArrayNode statuses = Json.array();

    TaskRecord(String frameworkId, String agentId, JsonNode info) {
        this.id = info.path("task_id").path("value").asText();
        this.frameworkId = frameworkId;
        this.agentId = agentId;
        this.info = info;
        this.resources = Resources.fromV1(info.path("resources"));
    }

    boolean terminal() {
        return TERMINAL.contains(state);
    }
}
