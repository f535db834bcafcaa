package mesoslab.stack.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mesoslab.stack.HttpEndpoint;
import mesoslab.stack.PlainHttp;

/**
 * Judges a Mesos cluster the way DESIGN.md section 7 defines "Mesos works": every master answers
 * {@code /master/health}; ZooKeeper names one leader and that master's {@code /master/state}
 * says it leads; every standby redirects {@code /master/state} to it; every inventory agent is
 * registered and active in the leader's state.
 */
public final class MesosClusterCheck {
    private final PlainHttp http;
    private final Duration timeout;

    public MesosClusterCheck(Duration timeout) {
        this.http = new PlainHttp(timeout);
        this.timeout = timeout;
    }

    public MesosClusterReport check(List<HttpEndpoint> masters, List<HttpEndpoint> agents, String zkUrl) {
        List<String> evidence = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String leader = null;
        try {
            leader = ZkMasterLookup.leader(zkUrl, timeout);
            if (leader == null) {
                problems.add("no master has registered in ZooKeeper (" + zkUrl + ")");
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add("cannot read the leader from ZooKeeper: " + e.getMessage());
        }
        int up = 0;
        JsonNode leaderState = null;
        boolean confirmed = false;
        for (HttpEndpoint master : masters) {
            MasterView view = look(master, leader);
            evidence.add(master.host() + " " + master.hostPort() + " " + view.description());
            if (view.up()) {
                up++;
            }
            if (view.problem() != null) {
                problems.add(master.host() + ": " + view.problem());
            }
            if (view.leaderState() != null) {
                leaderState = view.leaderState();
                confirmed = view.problem() == null;
            }
        }
        String zkLeader = leader;
        if (zkLeader != null && leaderState == null && masters.stream().noneMatch(m -> m.hostPort().equals(zkLeader))) {
            problems.add("ZooKeeper's leader " + zkLeader + " is not a master of the inventory");
        }
        int active = 0;
        for (HttpEndpoint agent : agents) {
            JsonNode slave = leaderState == null ? null : find(leaderState.path("slaves"), agent);
            if (slave == null) {
                evidence.add(agent.host() + " " + agent.hostPort() + " not registered");
                problems.add(agent.host() + " is not registered with the leading master");
            } else if (!slave.path("active").asBoolean()) {
                evidence.add(agent.host() + " " + agent.hostPort() + " registered but inactive (" + slave.path("id").asText() + ")");
                problems.add(agent.host() + " is inactive");
            } else {
                active++;
                evidence.add(agent.host() + " " + agent.hostPort() + " active " + slave.path("id").asText()
                        + " cpus=" + slave.path("resources").path("cpus").asText() + " mem=" + slave.path("resources").path("mem").asText());
            }
        }
        return new MesosClusterReport(leader, confirmed, evidence, problems, up, masters.size(), active, agents.size());
    }

    /** How one master answers: healthy or not, leading (with its state) or redirecting, and what is wrong with it. */
    private MasterView look(HttpEndpoint master, String zkLeader) {
        try {
            if (http.get(master, "/master/health").status() != 200) {
                return new MasterView(false, "unhealthy", "/master/health did not answer 200", null);
            }
            PlainHttp.Answer state = http.get(master, "/master/state");
            boolean zkSaysLeader = zkLeader != null && zkLeader.equals(master.hostPort());
            if (state.status() == 200) {
                JsonNode json = state.json();
                String says = json.path("leader").asText("");
                if (!says.endsWith("@" + master.hostPort())) {
                    return new MasterView(true, "healthy, answers /master/state but names leader " + says, "serves state without leading", null);
                }
                if (!zkSaysLeader) {
                    return new MasterView(true, "healthy, says it leads", "says it leads, but ZooKeeper names " + zkLeader, json);
                }
                return new MasterView(true, "healthy leader (ZooKeeper agrees), " + json.path("activated_slaves").asInt() + " agents active", null, json);
            }
            if (state.status() == 307) {
                String to = state.location();
                // Location is protocol-relative, //leader:port, and keeps the path asked for.
                boolean toLeader = zkLeader != null && to != null && (to.equals("//" + zkLeader) || to.startsWith("//" + zkLeader + "/"));
                return new MasterView(true, "healthy standby, /master/state redirects to " + to,
                        toLeader ? null : "redirects to " + to + ", not to ZooKeeper's leader " + zkLeader, null);
            }
            return new MasterView(true, "healthy, /master/state answered " + state.status(), "/master/state answered " + state.status(), null);
        } catch (IOException e) {
            return new MasterView(false, "unreachable: " + e.getMessage(), "unreachable (" + e.getMessage() + ")", null);
        }
    }

    private static JsonNode find(JsonNode slaves, HttpEndpoint agent) {
        for (JsonNode slave : slaves) {
            if (slave.path("pid").asText().endsWith("@" + agent.hostPort())
                    || (slave.path("hostname").asText().equals(agent.address()) && slave.path("port").asInt() == agent.port())) {
                return slave;
            }
        }
        return null;
    }

    private record MasterView(boolean up, String description, String problem, JsonNode leaderState) {}
}
