package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import mesoslab.standin.mesos.common.Resources;

/** A resource offer as the scheduler reads it from an OFFERS event. */
record Offer(String id, String agentId, String hostname, Resources resources, Map<String, String> attributes) {

    static Offer fromJson(JsonNode o) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode a : o.path("attributes")) {
            String value = switch (a.path("type").asText()) {
                case "SCALAR" -> a.path("scalar").path("value").asText();
                case "RANGES" -> a.path("ranges").toString();
                default -> a.path("text").path("value").asText();
            };
            attributes.put(a.path("name").asText(), value);
        }
        return new Offer(o.path("id").path("value").asText(), o.path("agent_id").path("value").asText(),
                o.path("hostname").asText(), Resources.fromV1(o.path("resources")), attributes);
    }

    /** The value a constraint field has on this offer: the hostname, or an agent attribute (null if absent). */
    String field(String name) {
        return "hostname".equals(name) ? hostname : attributes.get(name);
    }
}
