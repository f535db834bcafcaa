package mesoslab.standin.bigip.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.standin.http.Json;

/**
 * What a request body may set, and the defaults BIG-IP fills in. f5-sdk sends back whole loaded
 * objects on PUT (kind, selfLink, generation, links, sometimes JSON {@code null}s), so everything
 * read-only is dropped here rather than refused.
 */
final class Shapes {
    private static final Set<String> READ_ONLY = Set.of("kind", "selfLink", "generation", "fullPath", "name", "partition",
            "lastUpdateMicros", "vsIndex", "address-status", "state-status");
    private static final ObjectNode DEFAULTS = loadDefaults();

    /** A body split into plain properties and sub-collection items ({@code null} when not given). */
    record Input(ObjectNode props, Map<String, List<JsonNode>> subs) {}

    private Shapes() {}

    private static ObjectNode loadDefaults() {
        try (InputStream in = Shapes.class.getResourceAsStream("/mesoslab/standin/bigip/defaults.json")) {
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("defaults.json is missing from the stand-in's resources", e));
        }
    }

    /** A fresh copy of the defaults for {@code key} (a collection path, or path/sub). */
    static ObjectNode defaults(String key) {
        JsonNode d = DEFAULTS.get(key);
        return d == null ? Json.object() : (ObjectNode) d.deepCopy();
    }

    static Input read(ObjectType type, JsonNode body) throws ConfigException {
        if (body == null || !body.isObject()) {
            throw ConfigException.badRequest("Found invalid JSON body in the request.");
        }
        ObjectNode props = Json.object();
        Map<String, List<JsonNode>> subs = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (type != null && type.subcollections().contains(key) && value.isArray()) {
                subs.put(key, list(value));
            } else if (type != null && key.endsWith("Reference")
                    && type.subcollections().contains(key.substring(0, key.length() - "Reference".length()))) {
                if (value.path("items").isArray()) {
                    subs.put(key.substring(0, key.length() - "Reference".length()), list(value.get("items")));
                }
            } else if (!READ_ONLY.contains(key) && !key.endsWith("Reference") && !value.isNull()) {
                props.set(key, value.deepCopy());
            }
        });
        return new Input(props, subs);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** Rules that make a virtual's stored form canonical, whatever spelling the client used. */
    static void normalizeVirtual(ObjectNode virtual, ObjectNode written, String partition) {
        // enabled and disabled are exclusive booleans; the one the client wrote wins.
        boolean disable = written.path("disabled").asBoolean(false)
                || (written.has("enabled") && !written.path("enabled").asBoolean(true));
        boolean enable = written.path("enabled").asBoolean(false)
                || (written.has("disabled") && !written.path("disabled").asBoolean(true));
        if (disable || enable) {
            virtual.remove(List.of("enabled", "disabled"));
            virtual.put(disable ? "disabled" : "enabled", true);
        }
        String destination = virtual.path("destination").asText("");
        if (!destination.isEmpty() && !destination.startsWith("/")) {
            virtual.put("destination", "/" + partition + "/" + destination);
        }
        String pool = virtual.path("pool").asText("");
        if (pool.isEmpty() || pool.equals("none")) {
            virtual.remove("pool");
        } else if (!pool.startsWith("/")) {
            virtual.put("pool", "/" + partition + "/" + pool);
        }
    }

    /** A sub-collection item from a string ({@code "/Common/http"}) or an object; name, partition, fullPath set. */
    static ObjectNode subItem(ObjectType type, String sub, JsonNode raw, String defaultPartition) throws ConfigException {
        ObjectNode item = defaults(type.path() + "/" + sub);
        String name;
        String partition = defaultPartition;
        if (raw.isTextual()) {
            name = raw.asText();
        } else if (raw.isObject()) {
            name = raw.path("name").asText("");
            partition = raw.path("partition").asText(defaultPartition);
            raw.fields().forEachRemaining(e -> {
                if (!READ_ONLY.contains(e.getKey()) && !e.getKey().endsWith("Reference") && !e.getValue().isNull()) {
                    item.set(e.getKey(), e.getValue().deepCopy());
                }
            });
        } else {
            throw ConfigException.badRequest("Found invalid JSON body in the request.");
        }
        if (name.isEmpty()) {
            throw ConfigException.badRequest("01070734:3: Configuration error: a " + sub + " item needs a name");
        }
        ObjectId id = ObjectId.parse(name, partition);
        item.put("name", id.name());
        item.put("partition", id.partition());
        item.put("fullPath", id.fullPath());
        return item;
    }
}
