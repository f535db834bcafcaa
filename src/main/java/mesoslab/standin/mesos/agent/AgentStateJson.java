package mesoslab.standin.mesos.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import mesoslab.standin.http.Json;
import mesoslab.standin.mesos.common.Resources;

/** The agent's {@code /state}: one command executor per task, as Mesos shows command tasks. */
final class AgentStateJson {
    private AgentStateJson() {}

    static ObjectNode state(MesosAgentStandIn agent) {
        ObjectNode o = agent.describe();
        Map<String, ObjectNode> frameworks = new LinkedHashMap<>();
        for (RunningTask t : agent.tasks()) {
            ObjectNode f = frameworks.computeIfAbsent(t.frameworkId, id -> {
                ObjectNode n = Json.object().put("id", id);
                n.putArray("executors");
                n.putArray("completed_executors");
                return n;
            });
            ObjectNode e = ((ArrayNode) f.get("executors")).addObject().put("id", t.id()).put("name", "Command Executor")
                    .put("source", t.id()).put("directory", t.sandbox.toString());
            e.set("resources", Resources.fromV1(t.info.path("resources")).toSummary());
            ObjectNode task = Json.object().put("id", t.id()).put("name", t.info.path("name").asText())
                    .put("framework_id", t.frameworkId).put("slave_id", agent.agentId()).put("state", t.state);
            task.set("resources", Resources.fromV1(t.info.path("resources")).toSummary());
            task.set("statuses", t.statuses);
            boolean done = !t.state.equals("TASK_RUNNING") && !t.state.equals("TASK_STARTING") && !t.state.equals("TASK_STAGING");
            e.putArray("tasks");
            e.putArray("queued_tasks");
            e.putArray("completed_tasks");
            ((ArrayNode) e.get(done ? "completed_tasks" : "tasks")).add(task);
        }
        ArrayNode list = o.putArray("frameworks");
        frameworks.values().forEach(list::add);
        o.putArray("completed_frameworks");
        return o;
    }
}
