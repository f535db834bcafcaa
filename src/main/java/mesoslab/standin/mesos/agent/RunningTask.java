package mesoslab.standin.mesos.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import mesoslab.standin.http.Json;

/** One task on this agent: its TaskInfo, sandbox, process (once started) and latest state. */
final class RunningTask {
    final String frameworkId;
    final JsonNode info;
    final Path sandbox;
    volatile Process process;
    volatile String state = "TASK_STAGING";
    volatile boolean killRequested;
    final ArrayNode statuses = Json.array();

    RunningTask(String frameworkId, JsonNode info, Path sandbox) {
        this.frameworkId = frameworkId;
        this.info = info;
        this.sandbox = sandbox;
    }

    String id() {
        return info.path("task_id").path("value").asText();
    }
}
