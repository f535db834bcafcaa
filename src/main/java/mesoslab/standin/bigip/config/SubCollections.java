package mesoslab.standin.bigip.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Items of an object's sub-collection addressed on their own, as
 * {@code /mgmt/tm/ltm/pool/~mesos~p1/members/~mesos~10.2.10.22%0:31001}. Changes go through
 * {@link Mcpd}'s lock and commit, like every other change.
 */
public final class SubCollections {
    private final Mcpd mcpd;

    public SubCollections(Mcpd mcpd) {
        this.mcpd = mcpd;
    }

    public List<ObjectNode> list(ObjectType type, ObjectId owner, String sub) throws ConfigException {
        ObjectNode object = mcpd.get(type, owner);
        List<ObjectNode> items = new ArrayList<>();
        object.path(sub).forEach(i -> items.add((ObjectNode) i));
        return items;
    }

    public ObjectNode get(ObjectType type, ObjectId owner, String sub, ObjectId itemId) throws ConfigException {
        ObjectNode object = mcpd.get(type, owner);
        int index = indexOf(object, sub, itemId);
        if (index < 0) {
            throw notFound(owner, sub, itemId);
        }
        return (ObjectNode) object.get(sub).get(index);
    }

    public ObjectNode create(ObjectType type, ObjectId owner, String sub, JsonNode body) throws ConfigException {
        synchronized (mcpd) {
            Config work = mcpd.workingCopy();
            ObjectNode object = owner(work, type, owner);
            String defaultPartition = sub.equals("members") ? owner.partition() : ObjectId.COMMON;
            Shapes.read(null, body); // the same body checks as for objects
            ObjectNode item = Shapes.subItem(type, sub, body, defaultPartition);
            ObjectId itemId = ObjectId.parse(item.path("fullPath").asText(), defaultPartition);
            if (indexOf(object, sub, itemId) >= 0) {
                throw ConfigException.alreadyExists(label(sub), what(owner, sub, itemId), itemId.partition());
            }
            item.put("generation", work.nextGeneration());
            resolve(work, sub, item);
            (object.has(sub) ? (ArrayNode) object.get(sub) : object.putArray(sub)).add(item);
            mcpd.commitConfig(work);
            return item;
        }
    }

    public ObjectNode update(ObjectType type, ObjectId owner, String sub, ObjectId itemId, JsonNode body, boolean replace)
            throws ConfigException {
        synchronized (mcpd) {
            Config work = mcpd.workingCopy();
            ObjectNode object = owner(work, type, owner);
            int index = indexOf(object, sub, itemId);
            if (index < 0) {
                throw notFound(owner, sub, itemId);
            }
            ObjectNode old = (ObjectNode) object.get(sub).get(index);
            ObjectNode item = replace ? Shapes.defaults(type.path() + "/" + sub) : old.deepCopy();
            item.setAll(Shapes.read(null, body).props());
            item.put("name", itemId.name());
            item.put("partition", itemId.partition());
            item.put("fullPath", itemId.fullPath());
            item.put("generation", work.nextGeneration());
            resolve(work, sub, item);
            ((ArrayNode) object.get(sub)).set(index, item);
            mcpd.commitConfig(work);
            return item;
        }
    }

    public ObjectNode delete(ObjectType type, ObjectId owner, String sub, ObjectId itemId) throws ConfigException {
        synchronized (mcpd) {
            Config work = mcpd.workingCopy();
            ObjectNode object = owner(work, type, owner);
            int index = indexOf(object, sub, itemId);
            if (index < 0) {
                throw notFound(owner, sub, itemId);
            }
            ObjectNode removed = (ObjectNode) ((ArrayNode) object.get(sub)).remove(index);
            mcpd.commitConfig(work);
            return removed;
        }
    }

    private static ObjectNode owner(Config work, ObjectType type, ObjectId id) throws ConfigException {
        ObjectNode object = work.find(type, id.fullPath());
        if (object == null) {
            throw ConfigException.notFound(type.label(), id.fullPath());
        }
        return object;
    }

    private static void resolve(Config work, String sub, ObjectNode item) throws ConfigException {
        if (sub.equals("members")) {
            Relations.resolveMember(work, item, work::nextGeneration);
            Relations.checkMonitors(work, item.path("monitor").asText(""));
        }
    }

    private static int indexOf(ObjectNode object, String sub, ObjectId itemId) {
        JsonNode items = object.path(sub);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).path("fullPath").asText().equals(itemId.fullPath())) {
                return i;
            }
        }
        return -1;
    }

    private static ConfigException notFound(ObjectId owner, String sub, ObjectId itemId) {
        return ConfigException.notFound(label(sub), what(owner, sub, itemId));
    }

    private static String label(String sub) {
        return switch (sub) {
            case "members" -> "Pool Member";
            case "profiles" -> "Profile";
            case "policies" -> "Policy";
            default -> sub;
        };
    }

    /** mcpd names a member by pool, node and port: {@code (/P/pool /P/10.0.0.1 80)}. */
    private static String what(ObjectId owner, String sub, ObjectId itemId) {
        if (sub.equals("members")) {
            String node = Relations.nodeName(itemId.name());
            if (node != null) {
                return owner.fullPath() + " /" + itemId.partition() + "/" + node + " " + itemId.name().substring(node.length() + 1);
            }
        }
        return owner.fullPath() + " " + itemId.fullPath();
    }
}
