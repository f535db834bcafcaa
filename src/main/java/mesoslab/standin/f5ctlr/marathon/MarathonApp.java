package mesoslab.standin.f5ctlr.marathon;

import java.util.List;
import java.util.Map;

/**
 * The parts of a Marathon app the controller reads.
 *
 * @param servicePorts {@code ports} (Marathon before 1.5) or else {@code container.portMappings[].servicePort};
 *                     never {@code portDefinitions}, which the real controller does not read either
 */
public record MarathonApp(String id, Map<String, String> labels, List<Integer> servicePorts, List<HealthCheck> healthChecks,
        List<MarathonTask> tasks) {
    public MarathonApp {
        labels = Map.copyOf(labels);
        servicePorts = List.copyOf(servicePorts);
        healthChecks = List.copyOf(healthChecks);
        tasks = List.copyOf(tasks);
    }

    /**
     * A Marathon health check. Marathon fills defaults into its API output; the same defaults are
     * used here when a recorded document leaves a field out.
     *
     * @param portIndex {@code null} when absent
     * @param port      {@code null} or 0 when absent; when set the check applies to every service port
     */
    public record HealthCheck(String protocol, Integer portIndex, Integer port, String path, int intervalSeconds,
            int timeoutSeconds, int maxConsecutiveFailures) {

        /** Whether this check belongs to service port {@code servicePortIndex} (as the real controller decides). */
        public boolean appliesTo(int servicePortIndex) {
            return (port != null && port != 0) || (portIndex != null && portIndex == servicePortIndex);
        }
    }

    /**
     * A task as the controller sees it.
     *
     * @param healthResults {@code null} when the task has no {@code healthCheckResults} field
     *                      (not the same as an empty list), else each result's {@code alive}
     */
    public record MarathonTask(String id, String host, List<Integer> ports, List<Boolean> healthResults) {
        public MarathonTask {
            ports = List.copyOf(ports);
            healthResults = healthResults == null ? null : List.copyOf(healthResults);
        }
    }
}
