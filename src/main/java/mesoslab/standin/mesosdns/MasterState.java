package mesoslab.standin.mesosdns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of a Mesos master's {@code /master/state} that Mesos-DNS reads: the leader PID, the
 * agents and the frameworks with their tasks. Everything else in the document is ignored.
 *
 * @param leader     the leader PID {@code master@ip:port}; empty when the master knows no leader
 */
public record MasterState(String leader, List<Agent> agents, List<Framework> frameworks) {

    /** {@code slaves[]}: the id and the PID whose host gives the agent's address. */
    public record Agent(String id, String hostname, Optional<Pid> pid) {}

    /** {@code frameworks[]}: name, scheduler PID (for {@code <framework>.<domain>}) and tasks. */
    public record Framework(String name, Optional<Pid> pid, String hostname, List<Task> tasks) {}

    /** A libprocess PID {@code id@host:port}. */
    public record Pid(String id, String host, String port) {
        /** Parses {@code id@host:port}; empty when the text has another shape. */
        public static Optional<Pid> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String trimmed = text.trim();
            int at = trimmed.indexOf('@');
            int colon = trimmed.lastIndexOf(':');
            if (at <= 0 || colon <= at + 1 || colon == trimmed.length() - 1) {
                return Optional.empty();
            }
            String host = trimmed.substring(at + 1, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return Optional.of(new Pid(trimmed.substring(0, at), host, trimmed.substring(colon + 1)));
        }
    }

    /**
     * {@code frameworks[].tasks[]}.
     *
     * @param portRanges   {@code resources.ports}, Mesos's range text such as {@code [31000-31001, 31005-31005]}
     * @param discovery    the task's DiscoveryInfo when it has a name (Marathon always sets one)
     */
    public record Task(String id, String name, String agentId, String state, List<Status> statuses,
                       String portRanges, Optional<Discovery> discovery) {

        /** Every port of {@code resources.ports}, ranges expanded, in order. */
        public List<Integer> ports() {
            List<Integer> ports = new ArrayList<>();
            String text = portRanges == null ? "" : portRanges.trim();
            if (text.isEmpty() || text.equals("[]")) {
                return ports;
            }
            String inner = text.replace("[", "").replace("]", "");
            for (String range : inner.split(",")) {
                String[] bounds = range.trim().split("-");
                try {
                    int lo = Integer.parseInt(bounds[0].trim());
                    int hi = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : lo;
                    for (int port = lo; port <= hi; port++) {
                        ports.add(port);
                    }
                } catch (NumberFormatException e) {
                    // Mesos-DNS logs and skips a range it cannot read; so do we.
                }
            }
            return ports;
        }
    }

    /** One entry of a task's {@code statuses[]}. */
    public record Status(String state, double timestamp, List<Label> labels, List<String> networkIps) {}

    public record Label(String key, String value) {}

    /** DiscoveryInfo: the name and the named/protocol ports. */
    public record Discovery(String name, List<DiscoveryPort> ports) {}

    public record DiscoveryPort(int number, String protocol, String name) {}
}
