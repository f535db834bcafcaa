package mesoslab.standin.marathon;

/**
 * One app health check, with Marathon's defaults already filled in.
 *
 * @param protocol  HTTP, HTTPS, TCP, COMMAND or their MESOS_ forms
 * @param portIndex index into the task's host ports (null when {@code port} or COMMAND is used)
 * @param port      a fixed port to check instead of a task port (null if unset)
 * @param command   the shell command of a COMMAND check (else null)
 */
record HealthCheckSpec(String protocol, String path, Integer portIndex, Integer port, String command,
        int gracePeriodSeconds, int intervalSeconds, int timeoutSeconds, int maxConsecutiveFailures) {

    boolean http() {
        return protocol.endsWith("HTTP") || protocol.endsWith("HTTPS");
    }

    boolean tcp() {
        return protocol.endsWith("TCP");
    }
}
