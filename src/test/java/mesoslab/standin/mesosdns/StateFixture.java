package mesoslab.standin.mesosdns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mesoslab.standin.http.Json;

/**
 * Builds {@code /master/state} documents in the shape a Mesos 1.x leader writes (stack reference
 * 4.4): one master, agents, and a marathon framework whose tasks carry DiscoveryInfo as Marathon
 * sets it.
 */
final class StateFixture {
    static final String MASTER_ID = "4d8a8e7e-7d6f-4c43-8d37-2b0d6f2d8c11";
    static final String WEB_1 = "web.instance-1111._app.1";
    static final String WEB_2 = "web.instance-2222._app.1";

    private final ObjectNode root = Json.object();
    private final ArrayNode slaves = root.putArray("slaves");
    private final ArrayNode frameworks = root.putArray("frameworks");

    StateFixture(String leaderIp, int leaderPort) {
        String pid = "master@" + leaderIp + ":" + leaderPort;
        root.put("version", "1.11.0").put("id", MASTER_ID).put("pid", pid).put("hostname", leaderIp)
                .put("leader", pid).put("activated_slaves", 1.0);
        root.putObject("leader_info").put("id", MASTER_ID).put("pid", pid).put("port", leaderPort).put("hostname", leaderIp);
        root.putObject("flags").put("port", String.valueOf(leaderPort));
        root.putArray("completed_frameworks");
        root.putArray("orphan_tasks");
        root.putArray("unregistered_frameworks");
        root.putArray("recovered_slaves");
    }

    StateFixture leader(String pid) {
        root.put("leader", pid);
        return this;
    }

    StateFixture agent(int n, String ip) {
        ObjectNode slave = slaves.addObject();
        slave.put("id", MASTER_ID + "-S" + n).put("hostname", ip).put("port", 5051)
                .put("pid", "slave(1)@" + ip + ":5051").put("active", true);
        slave.putObject("resources").put("cpus", 2.0).put("mem", 1985.0).put("disk", 35164.0).put("ports", "[31000-32000]");
        return this;
    }

    /** A framework named {@code name} whose scheduler PID is on {@code ip}. */
    ObjectNode framework(String name, String ip) {
        ObjectNode framework = frameworks.addObject();
        framework.put("id", MASTER_ID + "-000" + frameworks.size()).put("name", name)
                .put("pid", "scheduler-6f0e1c1e@" + ip + ":41234").put("hostname", ip).put("active", true);
        framework.putArray("tasks");
        framework.putArray("completed_tasks");
        return framework;
    }

    /**
     * A Marathon task: name and DiscoveryInfo name both {@code name}, host ports as resources and
     * discovery ports ({@code protocol} {@code tcp}, named {@code portName} when given).
     */
    static ObjectNode marathonTask(ObjectNode framework, String id, String name, int agent, String state,
                                   String portName, int... ports) {
        ObjectNode task = framework.withArray("tasks").addObject();
        task.put("id", id).put("name", name).put("framework_id", framework.path("id").asText())
                .put("executor_id", "").put("slave_id", MASTER_ID + "-S" + agent).put("state", state);
        StringBuilder ranges = new StringBuilder("[");
        ObjectNode discovery = task.putObject("discovery").put("visibility", "FRAMEWORK").put("name", name);
        ArrayNode discoveryPorts = discovery.putObject("ports").putArray("ports");
        for (int i = 0; i < ports.length; i++) {
            ranges.append(i == 0 ? "" : ", ").append(ports[i]).append('-').append(ports[i]);
            ObjectNode port = discoveryPorts.addObject().put("number", ports[i]).put("protocol", "tcp");
            if (portName != null) {
                port.put("name", portName);
            }
        }
        task.putObject("resources").put("cpus", 0.1).put("mem", 64.0).put("disk", 0.0).put("ports", ranges.append(']').toString());
        ObjectNode status = task.putArray("statuses").addObject().put("state", state).put("timestamp", 1767225701.9);
        status.putObject("container_status").putArray("network_infos").addObject()
                .putArray("ip_addresses").addObject().put("protocol", "IPv4").put("ip_address", "172.17.0.2");
        return task;
    }

    /**
     * The usual lab picture: agents 127.0.0.21 and .22, and on each one Marathon task of app
     * {@code web} ({@link #WEB_1} on port 31474, {@link #WEB_2} on 31822), ports named {@code portName}.
     */
    StateFixture twoWebTasks(String portName) {
        agent(0, "127.0.0.21").agent(1, "127.0.0.22");
        ObjectNode marathon = framework("marathon", "127.0.0.1");
        marathonTask(marathon, WEB_1, "web", 0, "TASK_RUNNING", portName, 31474);
        marathonTask(marathon, WEB_2, "web", 1, "TASK_RUNNING", portName, 31822);
        return this;
    }

    ObjectNode json() {
        return root;
    }
}
