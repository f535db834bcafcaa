package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import mesoslab.standin.http.Json;

/**
 * The API's JSON for apps and tasks, with Marathon 1.11's field names and types: an app is its
 * canonical definition plus {@code tasksStaged/Running/Healthy/Unhealthy}, {@code deployments}
 * and, when embedded, {@code tasks} and {@code lastTaskFailure}.
 */
final class AppJsonWriter {
    private AppJsonWriter() {}

    static ObjectNode app(AppSpec app, List<Instance> instances, List<Deployment> deployments, boolean withTasks,
            ObjectNode lastTaskFailure) {
        ObjectNode o = app.definition().deepCopy();
        o.put("tasksStaged", instances.stream().filter(i -> !i.running() && !i.killRequested).count());
        o.put("tasksRunning", instances.stream().filter(Instance::running).count());
        o.put("tasksHealthy", app.healthChecks().isEmpty() ? 0 : instances.stream().filter(Instance::healthy).count());
        o.put("tasksUnhealthy", instances.stream().filter(Instance::unhealthy).count());
        ArrayNode d = o.putArray("deployments");
        deployments.forEach(x -> d.addObject().put("id", x.id()));
        if (withTasks) {
            ArrayNode tasks = o.putArray("tasks");
            instances.forEach(i -> tasks.add(task(app, i)));
        }
        if (lastTaskFailure != null) {
            o.set("lastTaskFailure", lastTaskFailure);
        }
        return o;
    }

    /** A task as {@code /v2/apps/{id}/tasks}, {@code /v2/tasks} and embedded apps show it. */
    static ObjectNode task(AppSpec app, Instance i) {
        ObjectNode t = Json.object().put("appId", i.appId);
        if (app != null && !app.healthChecks().isEmpty()) {
            ArrayNode results = t.putArray("healthCheckResults");
            i.health.stream().filter(h -> h.everChecked).forEach(h -> results.add(h.toJson(i.instanceId)));
        }
        t.put("host", i.host).put("id", i.taskId);
        t.putArray("ipAddresses").addObject().put("ipAddress", i.host).put("protocol", "IPv4");
        i.hostPorts.forEach(t.putArray("ports")::add);
        i.servicePorts.forEach(t.putArray("servicePorts")::add);
        t.put("slaveId", i.agentId).put("state", i.state).put("stagedAt", Timestamps.format(i.stagedAtMillis));
        if (i.startedAtMillis != null) {
            t.put("startedAt", Timestamps.format(i.startedAtMillis));
        }
        t.put("version", i.version);
        t.putArray("localVolumes");
        t.put("role", "*");
        return t;
    }
}
