package mesoslab.stack.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mesoslab.stack.HttpEndpoint;
import mesoslab.stack.PlainHttp;
import mesoslab.stack.mesos.ZkMasterLookup;

/**
 * Judges Marathon the way DESIGN.md section 7 defines "Marathon works": every instance answers
 * {@code /ping}; all name the same leader in {@code /v2/leader}, and it is one of them; the
 * leader's framework ({@code /v2/info}) is registered and active at the leading Mesos master.
 */
public final class MarathonClusterCheck {
    private final PlainHttp http;
    private final Duration timeout;

    public MarathonClusterCheck(Duration timeout) {
        this.http = new PlainHttp(timeout);
        this.timeout = timeout;
    }

    public MarathonClusterReport check(List<HttpEndpoint> instances, String mesosZk) {
        List<String> evidence = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> named = new ArrayList<>();
        int up = 0;
        for (HttpEndpoint instance : instances) {
            try {
                if (http.get(instance, "/ping").status() != 200) {
                    evidence.add(instance.host() + " " + instance.hostPort() + " does not answer /ping");
                    problems.add(instance.host() + " does not answer /ping");
                    continue;
                }
                up++;
                String leader = http.get(instance, "/v2/leader").json().path("leader").asText(null);
                named.add(leader);
                evidence.add(instance.host() + " " + instance.hostPort() + (instance.hostPort().equals(leader) ? " leader" : " standby, names leader " + leader));
            } catch (IOException e) {
                evidence.add(instance.host() + " " + instance.hostPort() + " unreachable: " + e.getMessage());
                problems.add(instance.host() + " is unreachable (" + e.getMessage() + ")");
            }
        }
        String leader = named.stream().distinct().count() == 1 ? named.get(0) : null;
        if (named.stream().distinct().count() > 1) {
            problems.add("the instances name different leaders: " + named);
        }
        HttpEndpoint leading = instances.stream().filter(i -> i.hostPort().equals(leader)).findFirst().orElse(null);
        if (leader != null && leading == null) {
            problems.add("the leader " + leader + " is not an instance of the inventory");
        }
        String frameworkId = leading == null ? null : framework(leading, mesosZk, evidence, problems);
        if (named.isEmpty() && problems.isEmpty()) {
            problems.add("no instance answered");
        }
        return new MarathonClusterReport(leader, frameworkId, evidence, problems, up, instances.size());
    }

    /** The leader's framework id, after checking that the leading Mesos master lists it as active. */
    private String framework(HttpEndpoint leading, String mesosZk, List<String> evidence, List<String> problems) {
        try {
            String id = http.get(leading, "/v2/info").json().path("frameworkId").asText("");
            if (id.isEmpty()) {
                problems.add("the leader has not registered its framework with Mesos yet");
                return null;
            }
            String master = ZkMasterLookup.leader(mesosZk, timeout);
            if (master == null) {
                problems.add("no leading Mesos master to ask about framework " + id);
                return id;
            }
            int colon = master.lastIndexOf(':');
            HttpEndpoint mesos = new HttpEndpoint("mesos leader", master.substring(0, colon), Integer.parseInt(master.substring(colon + 1)));
            for (JsonNode f : http.get(mesos, "/master/frameworks").json().path("frameworks")) {
                if (f.path("id").asText().equals(id)) {
                    boolean active = f.path("active").asBoolean();
                    evidence.add("framework " + f.path("name").asText() + " " + id + " at Mesos leader " + master + ": "
                            + (active ? "active" : "inactive") + ", " + f.path("tasks").size() + " tasks");
                    if (!active) {
                        problems.add("framework " + id + " is inactive in Mesos");
                    }
                    return id;
                }
            }
            problems.add("framework " + id + " is not registered at the Mesos leader " + master);
            return id;
        } catch (IOException | IllegalArgumentException e) {
            problems.add("cannot check the framework: " + e.getMessage());
            return null;
        }
    }
}
