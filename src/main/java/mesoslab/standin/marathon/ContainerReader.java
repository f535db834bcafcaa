package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import mesoslab.standin.http.Json;

/**
 * The networking half of an app definition: container, networking mode and ports, from either
 * the 1.4 form (mode in {@code container.docker.network}, {@code container.docker.portMappings},
 * top-level {@code ports}) or the 1.5+ form ({@code networks}, {@code container.portMappings},
 * {@code portDefinitions}); the result is always the 1.5+ form.
 */
final class ContainerReader {
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "udp,tcp", "tcp,udp");
    private final JsonFields f;
    /** canonical {@code container}, or null for a plain command app */
    final ObjectNode json;
    final String type;
    final String image;
    final boolean bridge;
    final List<PortSpec> ports = new ArrayList<>();
    final ArrayNode portDefinitionsJson = Json.array();

    ContainerReader(JsonFields f, JsonNode app) {
        this.f = f;
        JsonNode container = f.object(app, "container", "/container");
        JsonNode docker = container == null ? null : f.object(container, "docker", "/container/docker");
        String mode = networkMode(app, docker);
        bridge = !mode.equals("host");
        if (container == null) {
            json = null;
            type = null;
            image = null;
        } else {
            type = f.string(container, "type", "/container/type", "DOCKER");
            if (!type.equals("DOCKER") && !type.equals("MESOS")) {
                f.rule("/container/type", "is not one of (DOCKER,MESOS)");
            }
            image = docker == null ? null : f.string(docker, "image", "/container/docker/image", null);
            if (type.equals("DOCKER") && (image == null || image.isBlank())) {
                f.rule("/container/docker/image", "must not be empty");
            }
            json = Json.object().put("type", type);
            if (docker != null) {
                ObjectNode d = json.putObject("docker");
                d.put("forcePullImage", docker.path("forcePullImage").asBoolean(false)).put("image", image);
                d.set("parameters", docker.has("parameters") ? docker.get("parameters") : Json.array());
                d.put("privileged", docker.path("privileged").asBoolean(false));
            }
            json.set("volumes", container.has("volumes") ? container.get("volumes") : Json.array());
        }
        if (bridge) {
            readPortMappings(container, docker, app);
        } else {
            readPortDefinitions(app, container, docker);
        }
    }

    /** Legacy {@code docker.network} wins over {@code networks}: that is how 1.5 converts 1.4 apps. */
    private String networkMode(JsonNode app, JsonNode docker) {
        String legacy = docker == null ? null : f.string(docker, "network", "/container/docker/network", null);
        if (legacy != null) {
            return switch (legacy.toUpperCase(Locale.ROOT)) {
                case "BRIDGE" -> "container/bridge";
                case "USER" -> "container";
                case "HOST", "NONE" -> "host";
                default -> {
                    f.rule("/container/docker/network", "is not one of (BRIDGE,HOST,NONE,USER)");
                    yield "host";
                }
            };
        }
        JsonNode networks = f.array(app, "networks", "/networks");
        if (networks == null || networks.isEmpty()) {
            return "host";
        }
        String mode = networks.get(0).path("mode").asText("container");
        if (!List.of("host", "container/bridge", "container").contains(mode)) {
            f.rule("/networks(0)/mode", "is not one of (container,container/bridge,host)");
            return "host";
        }
        return mode;
    }

    private void readPortMappings(JsonNode container, JsonNode docker, JsonNode app) {
        JsonNode mappings = container == null ? null : container.get("portMappings");
        String base = "/container/portMappings";
        if ((mappings == null || mappings.isNull()) && docker != null && docker.has("portMappings")) {
            mappings = docker.get("portMappings");
        }
        if (app.path("portDefinitions").size() > 0) {
            f.rule("/portDefinitions", "Port definitions are not allowed with container networking; use portMappings");
        }
        if (mappings == null || mappings.isNull()) {
            if (json != null) {
                json.putArray("portMappings");
            }
            return;
        }
        if (!mappings.isArray()) {
            f.typeError(base, "error.expected.jsarray");
            return;
        }
        ArrayNode out = json == null ? Json.array() : json.putArray("portMappings");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < mappings.size(); i++) {
            JsonNode m = mappings.get(i);
            String path = base + "(" + i + ")";
            int containerPort = port(m, "containerPort", path, 0);
            // In bridge mode an unspecified host port means "any port from the offer".
            int hostPort = port(m, "hostPort", path, 0);
            int servicePort = port(m, "servicePort", path, 0);
            String protocol = protocol(m, path);
            String name = f.string(m, "name", path + "/name", null);
            if (name != null && !names.add(name)) {
                f.rule(base, "Port names must be unique.");
            }
            ports.add(new PortSpec(containerPort, hostPort, servicePort, protocol, name));
            ObjectNode o = out.addObject().put("containerPort", containerPort).put("hostPort", hostPort);
            o.set("labels", m.has("labels") ? m.get("labels") : Json.object());
            if (name != null) {
                o.put("name", name);
            }
            o.put("protocol", protocol).put("servicePort", servicePort);
        }
    }

    private void readPortDefinitions(JsonNode app, JsonNode container, JsonNode docker) {
        if (container != null && container.path("portMappings").size() > 0
                || docker != null && docker.path("portMappings").size() > 0) {
            f.rule("/container/portMappings", "Port mappings are only allowed with BRIDGE or USER networking");
        }
        JsonNode defs = f.array(app, "portDefinitions", "/portDefinitions");
        if (defs == null && app.has("ports")) {
            ArrayNode legacy = Json.array();
            app.path("ports").forEach(p -> legacy.addObject().put("port", p.asInt()));
            defs = legacy;
        }
        if (defs == null) {
            // Marathon gives a host-networked app one port unless told otherwise.
            defs = Json.array().add(Json.object().put("port", 0));
        }
        boolean requirePorts = app.path("requirePorts").asBoolean(false);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < defs.size(); i++) {
            JsonNode d = defs.get(i);
            String path = "/portDefinitions(" + i + ")";
            int port = port(d, "port", path, 0);
            String protocol = protocol(d, path);
            String name = f.string(d, "name", path + "/name", null);
            if (name != null && !names.add(name)) {
                f.rule("/portDefinitions", "Port names must be unique.");
            }
            ports.add(new PortSpec(null, requirePorts ? port : 0, port, protocol, name));
            ObjectNode o = portDefinitionsJson.addObject().put("port", port).put("protocol", protocol);
            if (name != null) {
                o.put("name", name);
            }
            o.set("labels", d.has("labels") ? d.get("labels") : Json.object());
        }
    }

    private int port(JsonNode o, String name, String path, int fallback) {
        Integer v = f.integer(o, name, path + "/" + name, fallback);
        if (v < 0 || v > 65535) {
            f.rule(path + "/" + name, "got " + v + ", expected between 0 and 65535");
        }
        return v;
    }

    private String protocol(JsonNode o, String path) {
        String p = f.string(o, "protocol", path + "/protocol", "tcp");
        if (!PROTOCOLS.contains(p)) {
            f.rule(path + "/protocol", "is not one of (tcp,udp,udp,tcp)");
        }
        return p;
    }
}
