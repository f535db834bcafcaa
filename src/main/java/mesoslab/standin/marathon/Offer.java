package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import mesoslab.standin.mesos.common.Attributes;
import mesoslab.standin.mesos.common.Resources;

/** A resource offer as the scheduler reads it from an OFFERS event. */
record Offer(String id, String agentId, String hostname, Resources resources, Map<String, String> attributes) {

    static Offer fromJson(JsonNode o) {
        return new Offer(o.path("id").path("value").asText(), o.path("agent_id").path("value").asText(), o.path("hostname").asText(),
                Resources.fromV1(o.path("resources")), Attributes.fromV1(o.path("attributes")).constraintValues());
    }
}
