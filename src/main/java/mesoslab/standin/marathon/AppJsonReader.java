package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import mesoslab.standin.http.Json;

/**
 * Reads a posted app definition the way Marathon does: both the 1.4 form
 * ({@code container.docker.network} / {@code container.docker.portMappings}, top-level {@code ports})
 * and the 1.5+ form ({@code networks}, {@code container.portMappings}) are accepted and normalised
 * to the 1.5+ form; defaults are filled in; every problem is reported at once (see {@link JsonFields}).
 */
final class AppJsonReader {
    private static final Pattern SEGMENT = Pattern.compile(
            "^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])$");
    private static final List<String> HC_PROTOCOLS = List.of("HTTP", "HTTPS", "TCP", "COMMAND", "MESOS_HTTP",
            "MESOS_HTTPS", "MESOS_TCP");

    private final JsonFields f = new JsonFields();

    private AppJsonReader() {}

    /**
     * @param body   the posted JSON object
     * @param pathId the id from the URL ({@code PUT /v2/apps/{id}}), which wins over the body's; null for POST
     */
    static AppSpec read(JsonNode body, String pathId) throws AppValidationException {
        if (body == null || !body.isObject()) {
            throw new AppValidationException("Invalid JSON", List.of(new Violation("/", List.of("error.expected.jsobject"))));
        }
        return new AppJsonReader().parse((ObjectNode) body, pathId);
    }

    /** {@code web} and {@code /demo/web/} become {@code /web} and {@code /demo/web}. */
    static String absolute(String id) {
        String s = id.startsWith("/") ? id : "/" + id;
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private AppSpec parse(ObjectNode in, String pathId) throws AppValidationException {
        String rawId = pathId != null ? pathId : f.string(in, "id", "/id", null);
        if (rawId == null && pathId == null && !in.has("id")) {
            f.typeError("/id", "error.path.missing");
        }
        String id = rawId == null ? "/" : absolute(rawId);
        for (String segment : id.substring(1).split("/")) {
            if (!SEGMENT.matcher(segment).matches()) {
                f.rule("/id", "must fully match regular expression '" + SEGMENT.pattern() + "'");
                break;
            }
        }
        int instances = f.integer(in, "instances", "/instances", 1);
        double cpus = f.number(in, "cpus", "/cpus", 1.0);
        double mem = f.number(in, "mem", "/mem", 128.0);
        double disk = f.number(in, "disk", "/disk", 0.0);
        double gpus = f.number(in, "gpus", "/gpus", 0.0);
        nonNegative("/instances", instances);
        nonNegative("/cpus", cpus);
        nonNegative("/mem", mem);
        nonNegative("/disk", disk);
        String cmd = f.string(in, "cmd", "/cmd", null);
        List<String> args = strings(in, "args", "/args");
        Map<String, String> env = f.stringMap(in, "env", "/env");
        Map<String, String> labels = f.stringMap(in, "labels", "/labels");
        double backoffSeconds = f.number(in, "backoffSeconds", "/backoffSeconds", 1.0);
        double backoffFactor = f.number(in, "backoffFactor", "/backoffFactor", 1.15);
        double maxLaunchDelay = f.number(in, "maxLaunchDelaySeconds", "/maxLaunchDelaySeconds", 300.0);
        if (backoffFactor < 1.0) {
            f.rule("/backoffFactor", "got " + backoffFactor + ", expected 1.0 or more");
        }

        ContainerReader container = new ContainerReader(f, in);
        if (cmd == null && args == null && container.json == null) {
            f.rule("/", "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.");
        }
        if (cmd != null && args != null) {
            f.rule("/", "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.");
        }
        List<Constraint> constraints = constraints(in);
        List<HealthCheckSpec> checks = healthChecks(in, container.ports.size());
        ObjectNode upgrade = upgradeStrategy(in);
        f.throwIfAny();

        ObjectNode out = Json.object().put("id", id);
        out.put("backoffFactor", backoffFactor).put("backoffSeconds", backoffSeconds);
        if (cmd != null) {
            out.put("cmd", cmd);
        }
        if (args != null) {
            args.forEach(out.putArray("args")::add);
        }
        ArrayNode cs = out.putArray("constraints");
        constraints.forEach(c -> {
            ArrayNode a = cs.addArray().add(c.field()).add(c.operator());
            if (c.value() != null) {
                a.add(c.value());
            }
        });
        if (container.json != null) {
            out.set("container", container.json);
        }
        out.put("cpus", cpus).put("disk", disk);
        env.forEach(out.putObject("env")::put);
        out.put("executor", f.string(in, "executor", "/executor", ""));
        out.set("fetch", in.has("fetch") ? in.get("fetch") : fetchFromUris(in));
        out.put("gpus", gpus);
        out.set("healthChecks", healthChecksJson(in));
        out.put("instances", instances);
        out.put("killSelection", f.string(in, "killSelection", "/killSelection", "YOUNGEST_FIRST"));
        labels.forEach(out.putObject("labels")::put);
        out.put("maxLaunchDelaySeconds", maxLaunchDelay).put("mem", mem);
        out.putArray("networks").addObject().put("mode", container.bridge ? "container/bridge" : "host");
        if (!container.bridge) {
            out.set("portDefinitions", container.portDefinitionsJson);
        }
        out.put("requirePorts", f.bool(in, "requirePorts", "/requirePorts", false));
        out.set("upgradeStrategy", upgrade);
        ObjectNode unreachable = out.putObject("unreachableStrategy");
        unreachable.put("inactiveAfterSeconds", 0).put("expungeAfterSeconds", 0);
        if (in.hasNonNull("user")) {
            out.put("user", in.get("user").asText());
        }
        out.putObject("secrets");
        out.putArray("dependencies");
        if (out.path("labels").isMissingNode()) {
            out.putObject("labels");
        }
        if (out.path("env").isMissingNode()) {
            out.putObject("env");
        }
        return new AppSpec(id, instances, cpus, mem, disk, cmd, args, container.image, container.type, container.bridge,
                container.ports, env, labels, constraints, checks, backoffSeconds, backoffFactor, maxLaunchDelay,
                null, null, null, out);
    }

    private void nonNegative(String path, double value) {
        if (value < 0) {
            f.rule(path, "got " + (path.equals("/instances") ? String.valueOf((long) value) : String.valueOf(value))
                    + ", expected " + (path.equals("/instances") ? "0" : "0.0") + " or more");
        }
    }

    private List<String> strings(JsonNode in, String name, String path) {
        JsonNode a = f.array(in, name, path);
        if (a == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) {
                f.typeError(path + "(" + i + ")", "error.expected.jsstring");
            }
            out.add(a.get(i).asText());
        }
        return out;
    }

    private static ArrayNode fetchFromUris(JsonNode in) {
        ArrayNode fetch = Json.array();
        in.path("uris").forEach(u -> fetch.addObject().put("uri", u.asText()).put("extract", true)
                .put("executable", false).put("cache", false));
        return fetch;
    }

    private List<Constraint> constraints(JsonNode in) {
        List<Constraint> out = new ArrayList<>();
        JsonNode a = f.array(in, "constraints", "/constraints");
        if (a == null) {
            return out;
        }
        for (int i = 0; i < a.size(); i++) {
            String path = "/constraints(" + i + ")";
            JsonNode c = a.get(i);
            if (!c.isArray() || c.size() < 2 || c.size() > 3) {
                f.rule(path, "Each constraint must have either 2 or 3 fields");
                continue;
            }
            String field = c.get(0).asText();
            String op = c.get(1).asText();
            String value = c.size() == 3 ? c.get(2).asText() : null;
            if (!Constraint.OPERATORS.contains(op)) {
                f.rule(path, "Constraint operator must be one of " + String.join(", ", Constraint.OPERATORS));
                continue;
            }
            switch (op) {
                case "UNIQUE" -> {
                    if (value != null) {
                        f.rule(path, "Value specified but not used");
                    }
                }
                case "CLUSTER", "IS" -> {
                    if (value == null && op.equals("IS")) {
                        f.rule(path, "Missing value");
                    }
                }
                case "LIKE", "UNLIKE" -> {
                    if (value == null) {
                        f.rule(path, "A regular expression value must be provided");
                    } else {
                        try {
                            Pattern.compile(value);
                        } catch (java.util.regex.PatternSyntaxException e) {
                            f.rule(path, "'" + value + "' is not a valid regular expression");
                        }
                    }
                }
                case "MAX_PER", "GROUP_BY" -> {
                    if (value == null ? op.equals("MAX_PER") : !value.matches("\\d+")) {
                        f.rule(path, "Value was not a valid integer");
                    }
                }
                default -> { }
            }
            out.add(new Constraint(field, op, value));
        }
        return out;
    }

    private List<HealthCheckSpec> healthChecks(JsonNode in, int portCount) {
        List<HealthCheckSpec> out = new ArrayList<>();
        JsonNode a = f.array(in, "healthChecks", "/healthChecks");
        for (int i = 0; a != null && i < a.size(); i++) {
            String path = "/healthChecks(" + i + ")";
            JsonNode h = a.get(i);
            String protocol = f.string(h, "protocol", path + "/protocol", "HTTP");
            if (!HC_PROTOCOLS.contains(protocol)) {
                f.rule(path + "/protocol", "is not one of (" + String.join(",", HC_PROTOCOLS) + ")");
            }
            boolean command = "COMMAND".equals(protocol);
            Integer port = f.integer(h, "port", path + "/port", null);
            Integer portIndex = f.integer(h, "portIndex", path + "/portIndex", command || port != null ? null : 0);
            if (portIndex != null && (portIndex < 0 || portIndex >= portCount)) {
                f.rule(path, "Health check port indices must address an element of the ports array or container port mappings.");
            }
            String cmd = command ? h.path("command").path("value").asText(null) : null;
            if (command && cmd == null) {
                f.rule(path + "/command", "Command health checks need a command value");
            }
            int grace = f.integer(h, "gracePeriodSeconds", path + "/gracePeriodSeconds", 300);
            int interval = f.integer(h, "intervalSeconds", path + "/intervalSeconds", 60);
            int timeout = f.integer(h, "timeoutSeconds", path + "/timeoutSeconds", 20);
            int failures = f.integer(h, "maxConsecutiveFailures", path + "/maxConsecutiveFailures", 3);
            if (interval < 1) {
                f.rule(path + "/intervalSeconds", "got " + interval + ", expected 1 or more");
            }
            if (timeout < 1) {
                f.rule(path + "/timeoutSeconds", "got " + timeout + ", expected 1 or more");
            }
            if (grace < 0 || failures < 0) {
                f.rule(path, "gracePeriodSeconds and maxConsecutiveFailures must be 0 or more");
            }
            out.add(new HealthCheckSpec(protocol, h.path("path").asText("/"), portIndex, port, cmd, grace, interval,
                    timeout, failures));
        }
        return out;
    }

    private ArrayNode healthChecksJson(JsonNode in) {
        ArrayNode out = Json.array();
        for (JsonNode h : in.path("healthChecks")) {
            String protocol = h.path("protocol").asText("HTTP");
            ObjectNode o = out.addObject();
            o.put("gracePeriodSeconds", h.path("gracePeriodSeconds").asInt(300))
                    .put("intervalSeconds", h.path("intervalSeconds").asInt(60))
                    .put("maxConsecutiveFailures", h.path("maxConsecutiveFailures").asInt(3));
            if (h.has("port")) {
                o.put("port", h.get("port").asInt());
            } else if (!protocol.equals("COMMAND")) {
                o.put("portIndex", h.path("portIndex").asInt(0));
            }
            o.put("timeoutSeconds", h.path("timeoutSeconds").asInt(20)).put("delaySeconds", h.path("delaySeconds").asInt(15));
            o.put("protocol", protocol);
            if (protocol.contains("HTTP")) {
                o.put("path", h.path("path").asText("/")).put("ipProtocol", h.path("ipProtocol").asText("IPv4"))
                        .put("ignoreHttp1xx", h.path("ignoreHttp1xx").asBoolean(false));
            }
            if (protocol.equals("COMMAND")) {
                o.set("command", h.path("command"));
            }
        }
        return out;
    }

    private ObjectNode upgradeStrategy(JsonNode in) {
        JsonNode u = f.object(in, "upgradeStrategy", "/upgradeStrategy");
        JsonNode src = u == null ? Json.object() : u;
        double min = f.number(src, "minimumHealthCapacity", "/upgradeStrategy/minimumHealthCapacity", 1.0);
        double over = f.number(src, "maximumOverCapacity", "/upgradeStrategy/maximumOverCapacity", 1.0);
        if (min < 0 || min > 1) {
            f.rule("/upgradeStrategy/minimumHealthCapacity", "got " + min + ", expected between 0.0 and 1.0");
        }
        if (over < 0 || over > 1) {
            f.rule("/upgradeStrategy/maximumOverCapacity", "got " + over + ", expected between 0.0 and 1.0");
        }
        return Json.object().put("maximumOverCapacity", over).put("minimumHealthCapacity", min);
    }
}
