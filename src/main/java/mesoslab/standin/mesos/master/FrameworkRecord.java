package mesoslab.standin.mesos.master;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** A framework known to the master: subscribed now, or recovered from an agent's tasks. */
final class FrameworkRecord {
    final String id;
    JsonNode info;
    EventStream stream;
    String streamId;
    double registeredTime = System.currentTimeMillis() / 1000.0;
    /** agent id → epoch millis until which that agent is not offered to this framework. */
    final Map<String, Long> filters = new HashMap<>();
    boolean suppressed;

    FrameworkRecord(String id, JsonNode info) {
        this.id = id;
        this.info = info;
    }

    boolean connected() {
        return stream != null && stream.open();
    }

    boolean partitionAware() {
        if (info == null) {
            return false;
        }
        for (JsonNode c : info.path("capabilities")) {
            if ("PARTITION_AWARE".equals(c.path("type").asText())) {
                return true;
            }
        }
        return false;
    }
}
