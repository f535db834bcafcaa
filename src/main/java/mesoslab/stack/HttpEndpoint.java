package mesoslab.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mesoslab.module.GroupHosts;

/** One HTTP API of the inventory (a Mesos master or agent, a Marathon instance): its host name there and where it listens. */
public record HttpEndpoint(String host, String address, int port) {
    public String hostPort() {
        return address + ":" + port;
    }

    /** Each host's endpoint from its variables: {@code addressVar} (else ansible_host, else its name) and {@code portVar}. */
    public static List<HttpEndpoint> from(Map<String, Map<String, Object>> hosts, String addressVar, String portVar, int defaultPort) {
        List<HttpEndpoint> endpoints = new ArrayList<>();
        hosts.forEach((host, vars) -> endpoints.add(new HttpEndpoint(host,
                String.valueOf(GroupHosts.first(vars, host, addressVar, "ansible_host")),
                Integer.parseInt(String.valueOf(GroupHosts.first(vars, defaultPort, portVar))))));
        return endpoints;
    }
}
