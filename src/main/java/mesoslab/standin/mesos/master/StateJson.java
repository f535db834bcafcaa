package mesoslab.standin.mesos.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mesoslab.standin.http.Json;
import mesoslab.standin.mesos.common.Resources;

/** Writes the leader's read-only endpoints in the shapes of Mesos' readonly_handler (reference 4.4). */
final class StateJson {
    private StateJson() {}

    static ArrayNode slaves(MasterState s) {
        ArrayNode out = Json.array();
        for (AgentRecord a : s.agents.values()) {
            ObjectNode o = out.addObject().put("id", a.id).put("hostname", a.hostname).put("port", a.port)
                    .put("pid", a.pid()).put("registered_time", a.registeredTime)
                    .put("active", a.active).put("deactivated", false).put("version", MesosMasterStandIn.VERSION);
            o.set("attributes", a.attributes.toSummary());
            o.set("resources", a.total.toSummary());
            o.set("used_resources", a.used.toSummary());
            o.set("offered_resources", a.offered.toSummary());
            o.set("reserved_resources", Json.object());
            o.set("unreserved_resources", a.total.toSummary());
            o.putArray("capabilities").add("MULTI_ROLE").add("HIERARCHICAL_ROLE").add("RESERVATION_REFINEMENT");
        }
        return out;
    }

    static ObjectNode task(TaskRecord t) {
        JsonNode info = t.info;
        ObjectNode o = Json.object().put("id", t.id).put("name", info.path("name").asText())
                .put("framework_id", t.frameworkId).put("executor_id", "").put("slave_id", t.agentId)
                .put("state", t.state).put("role", "*");
        o.set("resources", t.resources.toSummary());
        o.set("statuses", t.statuses);
        if (info.path("labels").has("labels")) {
            o.set("labels", info.path("labels").path("labels"));
        }
        for (String field : new String[] {"discovery", "container"}) {
            if (info.has(field)) {
                o.set(field, info.get(field));
            }
        }
        return o;
    }

    static ArrayNode frameworks(MasterState s) {
        ArrayNode out = Json.array();
        for (FrameworkRecord f : s.frameworks.values()) {
            JsonNode info = f.info == null ? Json.object() : f.info;
            ObjectNode o = out.addObject().put("id", f.id).put("name", info.path("name").asText(""))
                    .put("pid", "").put("hostname", info.path("hostname").asText(""))
                    .put("webui_url", info.path("webui_url").asText(""))
                    .put("active", f.connected()).put("connected", f.connected()).put("recovered", f.info == null)
                    .put("user", info.path("user").asText("")).put("failover_timeout", info.path("failover_timeout").asDouble(0))
                    .put("checkpoint", info.path("checkpoint").asBoolean(false)).put("registered_time", f.registeredTime)
                    .put("unregistered_time", 0.0).put("role", info.path("role").asText("*"));
            ArrayNode caps = o.putArray("capabilities");
            info.path("capabilities").forEach(c -> caps.add(c.path("type").asText()));
            Resources used = Resources.EMPTY;
            ArrayNode tasks = o.putArray("tasks");
            ArrayNode completed = Json.array();
            for (TaskRecord t : s.tasks.values()) {
                if (t.frameworkId.equals(f.id)) {
                    (t.terminal() ? completed : tasks).add(task(t));
                    used = t.terminal() ? used : used.plus(t.resources);
                }
            }
            o.set("used_resources", used.toSummary());
            o.set("resources", used.toSummary());
            Resources offered = Resources.EMPTY;
            ArrayNode offers = o.putArray("offers");
            for (MasterState.Offer offer : s.offers.values()) {
                if (offer.frameworkId().equals(f.id)) {
                    offered = offered.plus(offer.resources());
                    ObjectNode j = offers.addObject().put("id", offer.id()).put("framework_id", f.id).put("slave_id", offer.agentId());
                    j.set("resources", offer.resources().toSummary());
                    j.putObject("allocation_info").put("role", "*");
                }
            }
            o.set("offered_resources", offered.toSummary());
            o.putArray("unreachable_tasks");
            o.set("completed_tasks", completed);
            o.putArray("executors");
        }
        return out;
    }

    static ArrayNode tasks(MasterState s) {
        ArrayNode out = Json.array();
        s.tasks.values().forEach(t -> out.add(task(t)));
        return out;
    }
}
