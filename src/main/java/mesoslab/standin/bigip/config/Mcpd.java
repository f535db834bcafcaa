package mesoslab.standin.bigip.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import mesoslab.standin.http.Json;

/**
 * The configuration daemon: the one place the configuration changes. Each change is made on a
 * copy, checked against mcpd's rules, then swapped in whole, saved and announced; a refused
 * change leaves nothing behind (no half-made nodes). A committed {@link Config} is never changed
 * again, so readers may keep it as a consistent snapshot.
 */
public final class Mcpd {
    private final StateFile stateFile;
    private final List<Consumer<Config>> listeners = new CopyOnWriteArrayList<>();
    private volatile Config config;

    /** Starts from {@code initial} (a loaded state) or, when {@code null}, from a fresh device. */
    public Mcpd(Config initial, StateFile stateFile) {
        this.stateFile = stateFile;
        this.config = initial != null ? initial : FactoryDefaults.config();
    }

    /** The current committed configuration; never changed afterwards. */
    public Config snapshot() {
        return config;
    }

    /** Called with every newly committed configuration. */
    public void onChange(Consumer<Config> listener) {
        listeners.add(listener);
    }

    public ObjectNode get(ObjectType type, ObjectId id) throws ConfigException {
        ObjectNode found = config.find(type, id.fullPath());
        if (found == null) {
            throw ConfigException.notFound(type.label(), id.fullPath());
        }
        return found;
    }

    public synchronized ObjectNode create(ObjectType type, JsonNode body) throws ConfigException {
        Config work = config.copy();
        Shapes.Input input = Shapes.read(type, body);
        String rawName = body.path("name").asText("");
        if (rawName.isEmpty()) {
            throw ConfigException.badRequest("01070734:3: Configuration error: the name of a " + type.label() + " is required.");
        }
        ObjectId id = ObjectId.parse(rawName, body.path("partition").asText(ObjectId.COMMON));
        Relations.requirePartition(work, id.partition());
        if (work.find(type, id.fullPath()) != null) {
            throw ConfigException.alreadyExists(type.label(), id.fullPath(), id.partition());
        }
        ObjectNode object = Shapes.defaults(type.path());
        object.setAll(input.props());
        identify(object, id, work.nextGeneration());
        if (type.equals(ObjectTypes.VIRTUAL)) {
            object.put("vsIndex", work.all(type).size() + 1);
            if (!input.subs().containsKey("profiles")) {
                input.subs().put("profiles", List.of(Shapes.subItem(type, "profiles", fastL4(), ObjectId.COMMON)));
            }
        }
        store(work, type, object, null, input);
        return commit(work, type, id);
    }

    public synchronized ObjectNode update(ObjectType type, ObjectId id, JsonNode body, boolean replace) throws ConfigException {
        Config work = config.copy();
        ObjectNode existing = work.find(type, id.fullPath());
        if (existing == null) {
            throw ConfigException.notFound(type.label(), id.fullPath());
        }
        Shapes.Input input = Shapes.read(type, body);
        ObjectNode object;
        if (replace) {
            // A PUT is a full replace: unspecified properties go back to their defaults.
            object = Shapes.defaults(type.path());
            object.setAll(input.props());
            if (existing.has("vsIndex")) {
                object.set("vsIndex", existing.get("vsIndex"));
            }
            for (String sub : type.subcollections()) {
                // Members not in the body are gone, as on BIG-IP; profiles and policies stay.
                if (!input.subs().containsKey(sub) && !sub.equals("members") && existing.has(sub)) {
                    object.set(sub, existing.get(sub));
                }
            }
            if (!input.subs().containsKey("members") && type.subcollections().contains("members")) {
                input.subs().put("members", List.of());
            }
        } else {
            object = existing.deepCopy();
            object.setAll(input.props());
        }
        identify(object, id, work.nextGeneration());
        store(work, type, object, existing, input);
        return commit(work, type, id);
    }

    public synchronized ObjectNode delete(ObjectType type, ObjectId id) throws ConfigException {
        Config work = config.copy();
        ObjectNode existing = work.find(type, id.fullPath());
        if (existing == null) {
            throw ConfigException.notFound(type.label(), id.fullPath());
        }
        Relations.refuseDeleteInUse(work, type, id.fullPath());
        work.map(type).remove(id.fullPath());
        if (type.equals(ObjectTypes.VIRTUAL)) {
            Relations.dropUnusedVirtualAddress(work, Relations.virtualAddressPath(existing));
        }
        commitConfig(work);
        return existing;
    }

    /** Normalises, resolves sub-collection items, checks references and puts {@code object} into {@code work}. */
    private void store(Config work, ObjectType type, ObjectNode object, ObjectNode previous, Shapes.Input input)
            throws ConfigException {
        String partition = object.path("partition").asText();
        if (type.equals(ObjectTypes.VIRTUAL)) {
            Shapes.normalizeVirtual(object, input.props(), partition);
        }
        for (var entry : input.subs().entrySet()) {
            ArrayNode items = object.putArray(entry.getKey());
            String itemPartition = entry.getKey().equals("members") ? partition : ObjectId.COMMON;
            Map<String, ObjectNode> byPath = new LinkedHashMap<>();
            for (JsonNode raw : entry.getValue()) {
                ObjectNode item = Shapes.subItem(type, entry.getKey(), raw, itemPartition);
                item.put("generation", work.nextGeneration());
                if (entry.getKey().equals("members")) {
                    Relations.resolveMember(work, item, work::nextGeneration);
                }
                byPath.put(item.path("fullPath").asText(), item);
            }
            byPath.values().forEach(items::add);
        }
        Relations.checkReferences(work, type, object);
        work.map(type).put(object.path("fullPath").asText(), object);
        if (type.equals(ObjectTypes.VIRTUAL)) {
            Relations.ensureVirtualAddress(work, object, work::nextGeneration);
            if (previous != null) {
                Relations.dropUnusedVirtualAddress(work, Relations.virtualAddressPath(previous));
            }
        }
    }

    private static void identify(ObjectNode object, ObjectId id, long generation) {
        object.put("name", id.name());
        object.put("partition", id.partition());
        object.put("fullPath", id.fullPath());
        object.put("generation", generation);
    }

    private static JsonNode fastL4() {
        // With no profiles given BIG-IP attaches the default L4 profile.
        ObjectNode p = Json.object();
        p.put("name", "fastL4").put("partition", ObjectId.COMMON).put("context", "all");
        return p;
    }

    private ObjectNode commit(Config work, ObjectType type, ObjectId id) {
        commitConfig(work);
        return work.find(type, id.fullPath());
    }

    /** Swaps in, saves and announces a checked configuration. Callers hold the lock. */
    void commitConfig(Config work) {
        if (stateFile != null) {
            stateFile.save(work);
        }
        config = work;
        listeners.forEach(l -> l.accept(work));
    }

    synchronized Config workingCopy() {
        return config.copy();
    }
}
