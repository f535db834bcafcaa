package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import mesoslab.standin.http.Json;

/**
 * One instance of an app and its (single) Mesos task. Mutable; guarded by the scheduler's lock.
 * Ids follow Marathon 1.11: instance {@code <app>.instance-<uuid>}, task {@code <instance>._app.<n>}.
 */
final class Instance {
    final String instanceId;
    final String taskId;
    final String appId;
    final String version;
    final String configVersion;
    final String agentId;
    final String host;
    /** The agent's attributes when the instance was placed (constraint checks need them after a failover, too). */
    final Map<String, String> attributes;
    final List<Integer> hostPorts;
    final List<Integer> servicePorts;
    final long stagedAtMillis;
    String state = "TASK_STAGING";
    Long startedAtMillis;
    boolean killRequested;
    long killSentMillis;
    /** When reconciliation first answered TASK_UNKNOWN (null when the master knows the task). */
    Long unknownSinceMillis;
    /** Whether a second reconciliation was asked for after the first TASK_UNKNOWN. */
    boolean unknownRechecked;
    /** One per app health check, same order; empty list when the app has none. */
    final List<HealthState> health = new ArrayList<>();

    Instance(String instanceId, String taskId, String appId, String version, String configVersion, String agentId,
            String host, Map<String, String> attributes, List<Integer> hostPorts, List<Integer> servicePorts, long stagedAtMillis) {
        this.instanceId = instanceId;
        this.taskId = taskId;
        this.appId = appId;
        this.version = version;
        this.configVersion = configVersion;
        this.agentId = agentId;
        this.host = host;
        this.attributes = Map.copyOf(attributes);
        this.hostPorts = List.copyOf(hostPorts);
        this.servicePorts = List.copyOf(servicePorts);
        this.stagedAtMillis = stagedAtMillis;
    }

    static Instance launch(AppSpec app, Offer offer, List<Integer> hostPorts) {
        String instanceId = app.safeId() + ".instance-" + UUID.randomUUID();
        List<Integer> service = app.ports().stream().map(PortSpec::servicePort).toList();
        Instance i = new Instance(instanceId, instanceId + "._app.1", app.id(), app.version(), app.configVersion(),
                offer.agentId(), offer.hostname(), offer.attributes(), hostPorts, service, System.currentTimeMillis());
        app.healthChecks().forEach(h -> i.health.add(new HealthState()));
        return i;
    }

    boolean running() {
        return "TASK_RUNNING".equals(state);
    }

    /** Running and, if the app has health checks, alive on all of them. */
    boolean healthy() {
        return running() && health.stream().allMatch(h -> h.alive);
    }

    boolean unhealthy() {
        return health.stream().anyMatch(h -> h.everChecked && !h.alive);
    }

    /** What is kept in ZooKeeper so a new leader knows its tasks. */
    ObjectNode toStored() {
        ObjectNode o = Json.object().put("instanceId", instanceId).put("taskId", taskId).put("appId", appId)
                .put("version", version).put("configVersion", configVersion).put("agentId", agentId).put("host", host)
                .put("stagedAt", stagedAtMillis).put("state", state).put("killRequested", killRequested);
        hostPorts.forEach(o.putArray("hostPorts")::add);
        servicePorts.forEach(o.putArray("servicePorts")::add);
        attributes.forEach(o.putObject("attributes")::put);
        if (startedAtMillis != null) {
            o.put("startedAt", startedAtMillis);
        }
        return o;
    }

    static Instance fromStored(JsonNode o, int healthChecks) {
        List<Integer> hp = new ArrayList<>();
        o.path("hostPorts").forEach(p -> hp.add(p.asInt()));
        List<Integer> sp = new ArrayList<>();
        o.path("servicePorts").forEach(p -> sp.add(p.asInt()));
        Map<String, String> attributes = new TreeMap<>();
        o.path("attributes").fields().forEachRemaining(a -> attributes.put(a.getKey(), a.getValue().asText()));
        Instance i = new Instance(o.path("instanceId").asText(), o.path("taskId").asText(), o.path("appId").asText(),
                o.path("version").asText(), o.path("configVersion").asText(), o.path("agentId").asText(),
                o.path("host").asText(), attributes, hp, sp, o.path("stagedAt").asLong());
        i.state = o.path("state").asText("TASK_STAGING");
        i.killRequested = o.path("killRequested").asBoolean(false);
        if (o.has("startedAt")) {
            i.startedAtMillis = o.get("startedAt").asLong();
        }
        for (int n = 0; n < healthChecks; n++) {
            i.health.add(new HealthState());
        }
        return i;
    }
}
