package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated, normalised app definition: the typed fields the scheduler needs, plus
 * {@code definition}, the canonical (Marathon 1.5+) JSON with every default filled in, which is
 * what the API shows and what is stored in ZooKeeper.
 *
 * @param bridge    true for {@code container/bridge} networking (portMappings), false for host (portDefinitions)
 * @param image     the Docker image, or null for a command app
 * @param version   the app version (changes on every update)
 * @param configVersion {@code versionInfo.lastConfigChangeAt}: instances launched under an older one get replaced
 */
record AppSpec(String id, int instances, double cpus, double mem, double disk, String cmd, List<String> args,
        String image, String containerType, boolean bridge, List<PortSpec> ports, Map<String, String> env,
        Map<String, String> labels, List<Constraint> constraints, List<HealthCheckSpec> healthChecks,
        double backoffSeconds, double backoffFactor, double maxLaunchDelaySeconds,
        String version, String configVersion, String scalingVersion, ObjectNode definition) {

    /** A copy carrying new versions (and those versions in its JSON). */
    AppSpec withVersions(String version, String configVersion, String scalingVersion) {
        ObjectNode json = definition.deepCopy();
        json.put("version", version);
        ObjectNode info = json.putObject("versionInfo");
        info.put("lastScalingAt", scalingVersion).put("lastConfigChangeAt", configVersion);
        return new AppSpec(id, instances, cpus, mem, disk, cmd, args, image, containerType, bridge, ports, env, labels,
                constraints, healthChecks, backoffSeconds, backoffFactor, maxLaunchDelaySeconds, version,
                configVersion, scalingVersion, json);
    }

    /** A copy with the given service ports, in port order, written back into the JSON. */
    AppSpec withServicePorts(List<Integer> servicePorts) {
        List<PortSpec> next = new ArrayList<>();
        ObjectNode json = definition.deepCopy();
        ArrayNode array = bridge ? (ArrayNode) json.with("container").withArray("portMappings") : json.withArray("portDefinitions");
        for (int i = 0; i < ports.size(); i++) {
            int p = servicePorts.get(i);
            next.add(ports.get(i).withServicePort(p));
            ((ObjectNode) array.get(i)).put(bridge ? "servicePort" : "port", p);
        }
        return new AppSpec(id, instances, cpus, mem, disk, cmd, args, image, containerType, bridge, next, env, labels,
                constraints, healthChecks, backoffSeconds, backoffFactor, maxLaunchDelaySeconds, version,
                configVersion, scalingVersion, json);
    }

    /** The (validated, defaulted) upgrade strategy of the definition. */
    UpgradeStrategy upgradeStrategy() {
        return UpgradeStrategy.of(definition.path("upgradeStrategy"));
    }

    /** Ports that need a host port from the offer (null host port: container-only mapping). */
    long hostPortCount() {
        return ports.stream().filter(p -> p.hostPort() != null).count();
    }

    /** Mesos task name: the app path reversed and dotted, as Marathon's PathId.toHostname. */
    String taskName() {
        List<String> parts = new ArrayList<>(List.of(id.substring(1).split("/")));
        java.util.Collections.reverse(parts);
        return String.join(".", parts);
    }

    /** The app path as task ids use it: slashes become underscores, no leading slash. */
    String safeId() {
        return id.substring(1).replace('/', '_');
    }
}
