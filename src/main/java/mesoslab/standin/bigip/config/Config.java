package mesoslab.standin.bigip.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import mesoslab.standin.http.Json;

/**
 * The whole configuration as stored: partitions by name and, per collection, objects by
 * {@code fullPath}. An object is kept as its JSON properties plus {@code generation}; its
 * sub-collections are arrays under the sub-collection's name. {@code kind} and {@code selfLink}
 * are not stored: they follow from where the object lives and are added when it is rendered.
 *
 * <p>Not thread-safe: {@link Mcpd} owns the live copy; everyone else gets a {@link #copy()}.
 */
public final class Config {
    private long generation;
    private final Map<String, ObjectNode> partitions = new LinkedHashMap<>();
    private final Map<ObjectType, Map<String, ObjectNode>> objects = new LinkedHashMap<>();

    Config() {
        ObjectTypes.ALL.forEach(t -> objects.put(t, new LinkedHashMap<>()));
    }

    /** The next value of mcpd's one, device-wide generation counter. */
    long nextGeneration() {
        return ++generation;
    }

    public long generation() {
        return generation;
    }

    Map<String, ObjectNode> partitionMap() {
        return partitions;
    }

    Map<String, ObjectNode> map(ObjectType type) {
        return objects.get(type);
    }

    public Collection<ObjectNode> partitions() {
        return partitions.values();
    }

    public Collection<ObjectNode> all(ObjectType type) {
        return objects.get(type).values();
    }

    public ObjectNode find(ObjectType type, String fullPath) {
        return objects.get(type).get(fullPath);
    }

    public Config copy() {
        return fromJson(toJson());
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.put("format", 1);
        root.put("generation", generation);
        ArrayNode parts = root.putArray("partitions");
        partitions.values().forEach(p -> parts.add(p.deepCopy()));
        ObjectNode objs = root.putObject("objects");
        objects.forEach((type, byPath) -> {
            ArrayNode items = objs.putArray(type.path());
            byPath.values().forEach(o -> items.add(o.deepCopy()));
        });
        return root;
    }

    public static Config fromJson(JsonNode root) {
        Config config = new Config();
        config.generation = root.path("generation").asLong();
        root.path("partitions").forEach(p -> config.partitions.put(p.path("name").asText(), (ObjectNode) p.deepCopy()));
        root.path("objects").fields().forEachRemaining(entry -> ObjectTypes.byPath(entry.getKey()).ifPresent(type ->
                entry.getValue().forEach(o -> config.objects.get(type).put(o.path("fullPath").asText(), (ObjectNode) o.deepCopy()))));
        return config;
    }
}
