package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mesoslab.standin.http.Json;

/** The running result of one health check of one instance ({@code healthCheckResults[]} in the API). */
final class HealthState {
    boolean alive;
    boolean everChecked;
    int consecutiveFailures;
    String firstSuccess;
    String lastSuccess;
    String lastFailure;
    String lastFailureCause;

    /** Records a result; returns true when {@code alive} flipped (or was first decided). */
    boolean record(boolean ok, String cause) {
        boolean before = alive;
        boolean first = !everChecked;
        everChecked = true;
        String now = Timestamps.now();
        if (ok) {
            alive = true;
            consecutiveFailures = 0;
            lastSuccess = now;
            if (firstSuccess == null) {
                firstSuccess = now;
            }
        } else {
            alive = false;
            consecutiveFailures++;
            lastFailure = now;
            lastFailureCause = cause;
        }
        return first || before != alive;
    }

    ObjectNode toJson(String instanceId) {
        ObjectNode o = Json.object().put("alive", alive).put("consecutiveFailures", consecutiveFailures);
        put(o, "firstSuccess", firstSuccess);
        put(o, "lastFailure", lastFailure);
        put(o, "lastSuccess", lastSuccess);
        put(o, "lastFailureCause", lastFailureCause);
        o.put("instanceId", instanceId);
        return o;
    }

    private static void put(ObjectNode o, String name, String value) {
        if (value == null) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }
}
