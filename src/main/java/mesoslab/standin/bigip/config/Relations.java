package mesoslab.standin.bigip.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * mcpd's referential rules: what must exist before an object may point at it, what may not be
 * deleted while something points at it, and the objects BIG-IP makes on its own (a node per new
 * pool member address, a virtual address per virtual server destination).
 */
final class Relations {
    private Relations() {}

    static void requirePartition(Config config, String partition) throws ConfigException {
        if (!config.partitionMap().containsKey(partition)) {
            throw ConfigException.folderNotFound(partition);
        }
    }

    /** Refuses an object that points at something missing or clashes with another one. */
    static void checkReferences(Config config, ObjectType type, ObjectNode object) throws ConfigException {
        if (type.equals(ObjectTypes.VIRTUAL)) {
            String pool = object.path("pool").asText("");
            if (!pool.isEmpty() && config.find(ObjectTypes.POOL, pool) == null) {
                throw new ConfigException(400, "01020036:3: The requested pool (" + pool + ") was not found.", 3);
            }
            checkDestinationUnique(config, object);
        } else if (type.equals(ObjectTypes.POOL)) {
            checkMonitors(config, object.path("monitor").asText(""));
            for (JsonNode member : object.path("members")) {
                checkMonitors(config, member.path("monitor").asText(""));
            }
        }
    }

    static void checkMonitors(Config config, String monitor) throws ConfigException {
        for (String path : MonitorRule.paths(monitor)) {
            if (monitorType(config, path).isEmpty()) {
                throw new ConfigException(400, "01020036:3: The requested monitor (" + path + ") was not found.", 3);
            }
        }
    }

    static Optional<ObjectType> monitorType(Config config, String path) {
        return ObjectTypes.MONITORS.stream().filter(t -> config.find(t, path) != null).findFirst();
    }

    private static void checkDestinationUnique(Config config, ObjectNode virtual) throws ConfigException {
        Optional<Destination> mine = Destination.parse(virtual.path("destination").asText(""));
        if (mine.isEmpty()) {
            throw ConfigException.badRequest("01070734:3: Configuration error: invalid destination '"
                    + virtual.path("destination").asText("") + "' on Virtual Server " + virtual.path("fullPath").asText());
        }
        for (ObjectNode other : config.all(ObjectTypes.VIRTUAL)) {
            if (other.path("fullPath").equals(virtual.path("fullPath"))) {
                continue;
            }
            Optional<Destination> theirs = Destination.parse(other.path("destination").asText(""));
            if (theirs.isPresent() && sameEndpoint(mine.get(), theirs.get())) {
                throw ConfigException.badRequest("01070333:3: Virtual Server " + virtual.path("fullPath").asText()
                        + " illegally shares destination address, source address, service port, ip-protocol, and vlan with Virtual Server "
                        + other.path("fullPath").asText() + ".");
            }
        }
    }

    private static boolean sameEndpoint(Destination a, Destination b) {
        return a.address().equals(b.address()) && a.routeDomain() == b.routeDomain() && a.port() == b.port();
    }

    /** Refuses deleting an object something else still points at, with mcpd's message. */
    static void refuseDeleteInUse(Config config, ObjectType type, String fullPath) throws ConfigException {
        if (type.equals(ObjectTypes.POOL)) {
            for (ObjectNode v : config.all(ObjectTypes.VIRTUAL)) {
                if (v.path("pool").asText("").equals(fullPath)) {
                    throw ConfigException.badRequest("01070265:3: The Pool (" + fullPath
                            + ") cannot be deleted because it is in use by a Virtual Server (" + v.path("fullPath").asText() + ").");
                }
            }
        } else if (type.equals(ObjectTypes.NODE)) {
            for (ObjectNode pool : config.all(ObjectTypes.POOL)) {
                for (JsonNode m : pool.path("members")) {
                    if (nodePath(m).equals(fullPath)) {
                        throw ConfigException.badRequest("01070110:3: Node address '" + fullPath
                                + "' is referenced by a member of pool '" + pool.path("fullPath").asText() + "'.");
                    }
                }
            }
        } else if (ObjectTypes.MONITORS.contains(type)) {
            for (ObjectNode pool : config.all(ObjectTypes.POOL)) {
                boolean used = MonitorRule.paths(pool.path("monitor").asText("")).contains(fullPath);
                for (JsonNode m : pool.path("members")) {
                    used |= MonitorRule.paths(m.path("monitor").asText("")).contains(fullPath);
                }
                if (used) {
                    throw ConfigException.badRequest("01070083:3: Monitor " + fullPath + " is in use.");
                }
            }
        } else if (type.equals(ObjectTypes.VIRTUAL_ADDRESS)) {
            for (ObjectNode v : config.all(ObjectTypes.VIRTUAL)) {
                if (virtualAddressPath(v).equals(Optional.of(fullPath))) {
                    throw ConfigException.badRequest("01070523:3: The Virtual Address (" + fullPath
                            + ") cannot be deleted because it is in use by a Virtual Server (" + v.path("fullPath").asText() + ").");
                }
            }
        }
    }

    static void refuseDeletePartition(Config config, String partition) throws ConfigException {
        if (partition.equals(ObjectId.COMMON)) {
            throw ConfigException.badRequest("01070829:3: The partition (Common) is a system partition and cannot be deleted.");
        }
        for (ObjectType type : ObjectTypes.ALL) {
            for (ObjectNode o : config.all(type)) {
                if (o.path("partition").asText().equals(partition)) {
                    throw ConfigException.badRequest("0107082a:3: All objects must be removed from a partition (" + partition
                            + ") before the partition may be removed, type ID (" + type.label() + " " + o.path("fullPath").asText() + ").");
                }
            }
        }
    }

    /**
     * Fills in a member's {@code address} and makes its node when the name is an IP literal and no
     * node has it yet, as BIG-IP does. A member naming a node by a non-IP name needs that node.
     */
    static void resolveMember(Config config, ObjectNode member, LongSupplier generation) throws ConfigException {
        String name = member.path("name").asText();
        String partition = member.path("partition").asText();
        String nodeName = nodeName(name);
        if (nodeName == null || Destination.parse(name).isEmpty()) {
            throw ConfigException.badRequest("01070587:3: The requested pool member (" + name + ") is not valid: a member name is <node>:<port>.");
        }
        String nodePath = "/" + partition + "/" + nodeName;
        ObjectNode node = config.find(ObjectTypes.NODE, nodePath);
        if (node == null) {
            if (!Destination.isIpLiteral(nodeName)) {
                throw ConfigException.notFound("Node", nodePath);
            }
            node = Shapes.defaults(ObjectTypes.NODE.path());
            node.put("name", nodeName);
            node.put("partition", partition);
            node.put("fullPath", nodePath);
            node.put("generation", generation.getAsLong());
            node.put("address", Destination.parse(name).get().addressWithRouteDomain());
            config.map(ObjectTypes.NODE).put(nodePath, node);
        }
        member.put("address", node.path("address").asText());
    }

    static String nodeName(String memberName) {
        return Destination.memberNode(memberName);
    }

    static String nodePath(JsonNode member) {
        return "/" + member.path("partition").asText() + "/" + nodeName(member.path("name").asText());
    }

    /** The virtual address a virtual server's destination implies: {@code /P/10.2.10.81} (rd only if not 0). */
    static Optional<String> virtualAddressPath(JsonNode virtual) {
        return Destination.parse(virtual.path("destination").asText(""))
                .map(d -> "/" + (d.partition() == null ? virtual.path("partition").asText() : d.partition()) + "/"
                        + d.addressWithRouteDomain());
    }

    static void ensureVirtualAddress(Config config, ObjectNode virtual, LongSupplier generation) {
        Optional<String> path = virtualAddressPath(virtual);
        if (path.isEmpty() || config.find(ObjectTypes.VIRTUAL_ADDRESS, path.get()) != null) {
            return;
        }
        ObjectId id = ObjectId.parse(path.get(), virtual.path("partition").asText());
        ObjectNode va = Shapes.defaults(ObjectTypes.VIRTUAL_ADDRESS.path());
        va.put("name", id.name());
        va.put("partition", id.partition());
        va.put("fullPath", id.fullPath());
        va.put("generation", generation.getAsLong());
        va.put("address", id.name());
        config.map(ObjectTypes.VIRTUAL_ADDRESS).put(id.fullPath(), va);
    }

    /** Deletes an auto-delete virtual address no virtual server uses any more. */
    static void dropUnusedVirtualAddress(Config config, Optional<String> path) {
        if (path.isEmpty()) {
            return;
        }
        ObjectNode va = config.find(ObjectTypes.VIRTUAL_ADDRESS, path.get());
        boolean used = config.all(ObjectTypes.VIRTUAL).stream().anyMatch(v -> virtualAddressPath(v).equals(path));
        if (va != null && !used && va.path("autoDelete").asText("true").equals("true")) {
            config.map(ObjectTypes.VIRTUAL_ADDRESS).remove(path.get());
        }
    }
}
