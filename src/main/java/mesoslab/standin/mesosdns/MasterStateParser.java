package mesoslab.standin.mesosdns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mesoslab.standin.mesosdns.MasterState.Agent;
import mesoslab.standin.mesosdns.MasterState.Discovery;
import mesoslab.standin.mesosdns.MasterState.DiscoveryPort;
import mesoslab.standin.mesosdns.MasterState.Framework;
import mesoslab.standin.mesosdns.MasterState.Label;
import mesoslab.standin.mesosdns.MasterState.Pid;
import mesoslab.standin.mesosdns.MasterState.Status;
import mesoslab.standin.mesosdns.MasterState.Task;

/**
 * Reads the fields Mesos-DNS uses out of a {@code /master/state} document. Missing fields read as
 * empty, like Go's {@code encoding/json} leaves them at zero values.
 */
public final class MasterStateParser {
    private MasterStateParser() {}

    public static MasterState parse(JsonNode state) {
        List<Agent> agents = new ArrayList<>();
        for (JsonNode slave : state.path("slaves")) {
            agents.add(new Agent(slave.path("id").asText(""), slave.path("hostname").asText(""),
                    Pid.parse(slave.path("pid").asText(null))));
        }
        List<Framework> frameworks = new ArrayList<>();
        for (JsonNode framework : state.path("frameworks")) {
            List<Task> tasks = new ArrayList<>();
            for (JsonNode task : framework.path("tasks")) {
                tasks.add(task(task));
            }
            frameworks.add(new Framework(framework.path("name").asText(""),
                    Pid.parse(framework.path("pid").asText(null)), framework.path("hostname").asText(""), tasks));
        }
        return new MasterState(state.path("leader").asText(""), agents, frameworks);
    }

    private static Task task(JsonNode task) {
        List<Status> statuses = new ArrayList<>();
        for (JsonNode status : task.path("statuses")) {
            List<Label> labels = new ArrayList<>();
            for (JsonNode label : status.path("labels")) {
                labels.add(new Label(label.path("key").asText(""), label.path("value").asText("")));
            }
            List<String> ips = new ArrayList<>();
            for (JsonNode info : status.path("container_status").path("network_infos")) {
                if (info.path("ip_addresses").size() > 0) {
                    info.path("ip_addresses").forEach(ip -> ips.add(ip.path("ip_address").asText("")));
                } else if (!info.path("ip_address").asText("").isEmpty()) {
                    // Mesos 0.25 wrote a single ip_address; Mesos-DNS still reads it.
                    ips.add(info.path("ip_address").asText());
                }
            }
            statuses.add(new Status(status.path("state").asText(""), status.path("timestamp").asDouble(0),
                    labels, ips));
        }
        JsonNode discovery = task.path("discovery");
        Optional<Discovery> info = Optional.empty();
        if (!discovery.path("name").asText("").isEmpty()) {
            List<DiscoveryPort> ports = new ArrayList<>();
            for (JsonNode port : discovery.path("ports").path("ports")) {
                ports.add(new DiscoveryPort(port.path("number").asInt(0), port.path("protocol").asText(""),
                        port.path("name").asText("")));
            }
            info = Optional.of(new Discovery(discovery.path("name").asText(), ports));
        }
        return new Task(task.path("id").asText(""), task.path("name").asText(""), task.path("slave_id").asText(""),
                task.path("state").asText(""), statuses, task.path("resources").path("ports").asText(""), info);
    }
}
