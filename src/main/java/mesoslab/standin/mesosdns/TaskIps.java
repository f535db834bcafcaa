package mesoslab.standin.mesosdns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import mesoslab.standin.mesosdns.MasterState.Label;
import mesoslab.standin.mesosdns.MasterState.Status;
import mesoslab.standin.mesosdns.MasterState.Task;

/**
 * A task's IPs from the configured {@code IPSources}, in priority order: the first source that
 * yields any IP wins. {@code host} is the agent's IP; {@code netinfo} the container's NetworkInfo;
 * {@code mesos}/{@code docker} the IP labels of the newest TASK_RUNNING status.
 */
final class TaskIps {
    static final String DOCKER_IP_LABEL = "Docker.NetworkSettings.IPAddress";
    static final String MESOS_IP_LABEL = "MesosContainerizer.NetworkSettings.IPAddress";

    private TaskIps() {}

    static List<InetAddress> of(Task task, List<String> agentIps, List<String> sources) {
        for (String source : sources) {
            List<InetAddress> ips = new ArrayList<>();
            for (String text : candidates(task, agentIps, source)) {
                IpLiteral.parse(text).ifPresent(ips::add);
            }
            if (!ips.isEmpty()) {
                return ips;
            }
        }
        return List.of();
    }

    private static List<String> candidates(Task task, List<String> agentIps, String source) {
        return switch (source) {
            case "host" -> agentIps;
            case "netinfo" -> latestRunning(task).map(Status::networkIps).orElse(List.of());
            case "mesos" -> latestRunning(task).map(s -> labelValues(s, MESOS_IP_LABEL)).orElse(List.of());
            case "docker" -> latestRunning(task).map(s -> labelValues(s, DOCKER_IP_LABEL)).orElse(List.of());
            default -> List.of();
        };
    }

    /** Mesos gives no order guarantee for statuses, so the newest TASK_RUNNING one is picked by time. */
    private static java.util.Optional<Status> latestRunning(Task task) {
        Status latest = null;
        for (Status status : task.statuses()) {
            if ("TASK_RUNNING".equals(status.state()) && (latest == null || status.timestamp() > latest.timestamp())) {
                latest = status;
            }
        }
        return java.util.Optional.ofNullable(latest);
    }

    private static List<String> labelValues(Status status, String key) {
        return status.labels().stream().filter(l -> key.equals(l.key())).map(Label::value).toList();
    }
}
