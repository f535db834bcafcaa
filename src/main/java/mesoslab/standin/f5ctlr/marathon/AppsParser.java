package mesoslab.standin.f5ctlr.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoslab.standin.f5ctlr.marathon.MarathonApp.HealthCheck;
import mesoslab.standin.f5ctlr.marathon.MarathonApp.MarathonTask;

/** Reads {@code GET /v2/apps?embed=apps.tasks} into {@link MarathonApp}s. */
public final class AppsParser {
    // Marathon's own defaults, which it writes into every app it returns.
    private static final int DEFAULT_INTERVAL = 60;
    private static final int DEFAULT_TIMEOUT = 20;
    private static final int DEFAULT_MAX_FAILURES = 3;

    private AppsParser() {}

    public static List<MarathonApp> parse(JsonNode root) throws MarathonException {
        JsonNode apps = root.path("apps");
        if (!apps.isArray()) {
            throw new MarathonException("Marathon's /v2/apps answer has no \"apps\" array");
        }
        List<MarathonApp> out = new ArrayList<>();
        for (JsonNode app : apps) {
            out.add(app(app));
        }
        return out;
    }

    static MarathonApp app(JsonNode app) {
        Map<String, String> labels = new LinkedHashMap<>();
        app.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        List<Integer> servicePorts = ints(app.path("ports"));
        if (servicePorts.isEmpty()) {
            for (JsonNode mapping : app.path("container").path("portMappings")) {
                if (mapping.has("servicePort")) {
                    servicePorts.add(mapping.get("servicePort").asInt());
                }
            }
        }
        List<HealthCheck> checks = new ArrayList<>();
        for (JsonNode hc : app.path("healthChecks")) {
            checks.add(new HealthCheck(hc.path("protocol").asText("HTTP"),
                    hc.hasNonNull("portIndex") ? hc.get("portIndex").asInt() : null,
                    hc.hasNonNull("port") ? hc.get("port").asInt() : null,
                    hc.hasNonNull("path") ? hc.get("path").asText() : null,
                    hc.path("intervalSeconds").asInt(DEFAULT_INTERVAL),
                    hc.path("timeoutSeconds").asInt(DEFAULT_TIMEOUT),
                    hc.path("maxConsecutiveFailures").asInt(DEFAULT_MAX_FAILURES)));
        }
        List<MarathonTask> tasks = new ArrayList<>();
        for (JsonNode task : app.path("tasks")) {
            List<Boolean> results = null;
            if (task.has("healthCheckResults")) {
                results = new ArrayList<>();
                for (JsonNode r : task.get("healthCheckResults")) {
                    results.add(r.path("alive").asBoolean(false));
                }
            }
            tasks.add(new MarathonTask(task.path("id").asText(), task.path("host").asText(""), ints(task.path("ports")), results));
        }
        return new MarathonApp(app.path("id").asText(), labels, servicePorts, checks, tasks);
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
