package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mesoslab.standin.http.Json;
import mesoslab.standin.mesos.common.PortRange;
import mesoslab.standin.mesos.common.Resources;

/**
 * Builds the v1 {@code TaskInfo} Marathon sends in a LAUNCH: resources taken from the offer
 * (host ports as single-port ranges), the command with Marathon's task environment
 * ({@code PORT0..n}, {@code PORTS}, {@code PORT_<NAME>}, {@code HOST}, {@code MARATHON_APP_*}),
 * the Docker container with its port mappings, labels and discovery info.
 */
final class TaskInfoBuilder {
    private TaskInfoBuilder() {}

    static ObjectNode build(AppSpec app, Instance instance, String envPrefix) {
        ObjectNode task = Json.object().put("name", app.taskName());
        task.putObject("task_id").put("value", instance.taskId);
        task.putObject("agent_id").put("value", instance.agentId);
        List<PortRange> ranges = instance.hostPorts.stream().map(p -> new PortRange(p, p)).toList();
        task.set("resources", new Resources(app.cpus(), app.mem(), app.disk(), ranges).toV1());
        ObjectNode command = task.putObject("command");
        if (app.cmd() != null) {
            command.put("shell", true).put("value", app.cmd());
        } else if (app.args() != null && app.image() == null) {
            command.put("shell", false).put("value", app.args().get(0));
            app.args().forEach(command.putArray("arguments")::add);
        } else {
            command.put("shell", false);
            if (app.args() != null) {
                app.args().forEach(command.putArray("arguments")::add);
            }
        }
        ArrayNode vars = command.putObject("environment").putArray("variables");
        environment(app, instance, envPrefix == null ? "" : envPrefix).forEach((k, v) -> vars.addObject().put("name", k).put("value", v));
        if (app.image() != null) {
            container(task, app, instance);
        }
        ArrayNode labels = task.putObject("labels").putArray("labels");
        app.labels().forEach((k, v) -> labels.addObject().put("key", k).put("value", v));
        ObjectNode discovery = task.putObject("discovery").put("visibility", "FRAMEWORK").put("name", app.taskName());
        ArrayNode dp = discovery.putObject("ports").putArray("ports");
        int hostIndex = 0;
        for (PortSpec p : app.ports()) {
            Integer number = p.hostPort() == null ? p.containerPort() : instance.hostPorts.get(hostIndex++);
            ObjectNode port = dp.addObject().put("number", number).put("protocol", p.protocol().split(",")[0]);
            if (p.name() != null) {
                port.put("name", p.name());
            }
        }
        return task;
    }

    private static void container(ObjectNode task, AppSpec app, Instance instance) {
        ObjectNode c = task.putObject("container").put("type", app.containerType());
        if ("DOCKER".equals(app.containerType())) {
            ObjectNode docker = c.putObject("docker").put("image", app.image())
                    .put("network", app.bridge() ? "BRIDGE" : "HOST").put("force_pull_image", false);
            if (app.bridge()) {
                ArrayNode mappings = docker.putArray("port_mappings");
                int hostIndex = 0;
                for (PortSpec p : app.ports()) {
                    if (p.hostPort() != null) {
                        mappings.addObject().put("host_port", instance.hostPorts.get(hostIndex++))
                                .put("container_port", p.containerPort()).put("protocol", p.protocol().split(",")[0]);
                    }
                }
            }
        } else {
            c.putObject("mesos").putObject("image").put("type", "DOCKER").putObject("docker").put("name", app.image());
        }
    }

    /** The variables Marathon puts in {@code CommandInfo.environment} (the PORT and HOST ones carry {@code --env_vars_prefix}). */
    static Map<String, String> environment(AppSpec app, Instance instance, String prefix) {
        Map<String, String> env = new LinkedHashMap<>(app.env());
        List<String> ports = new ArrayList<>();
        int hostIndex = 0;
        for (int i = 0; i < app.ports().size(); i++) {
            PortSpec p = app.ports().get(i);
            String effective = String.valueOf(p.hostPort() == null ? p.containerPort() : instance.hostPorts.get(hostIndex++));
            ports.add(effective);
            env.put(prefix + "PORT" + i, effective);
            if (p.declared() != 0) {
                env.put(prefix + "PORT_" + p.declared(), effective);
            }
            if (p.name() != null) {
                env.put(prefix + "PORT_" + p.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_"), effective);
            }
        }
        if (!ports.isEmpty()) {
            env.put(prefix + "PORT", ports.get(0));
            env.put(prefix + "PORTS", String.join(",", ports));
        }
        env.put(prefix + "HOST", instance.host);
        env.put("MESOS_TASK_ID", instance.taskId);
        env.put("MARATHON_APP_ID", app.id());
        env.put("MARATHON_APP_VERSION", app.version());
        env.put("MARATHON_APP_INSTANCE_ID", instance.instanceId);
        if (app.image() != null) {
            env.put("MARATHON_APP_DOCKER_IMAGE", app.image());
        }
        env.put("MARATHON_APP_RESOURCE_CPUS", String.valueOf(app.cpus()));
        env.put("MARATHON_APP_RESOURCE_MEM", String.valueOf(app.mem()));
        env.put("MARATHON_APP_RESOURCE_DISK", String.valueOf(app.disk()));
        env.put("MARATHON_APP_RESOURCE_GPUS", "0");
        List<String> labelNames = new ArrayList<>();
        app.labels().forEach((k, v) -> {
            String name = k.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
            labelNames.add(name);
            env.put("MARATHON_APP_LABEL_" + name, v);
        });
        env.put("MARATHON_APP_LABELS", String.join(" ", labelNames));
        return env;
    }

}
