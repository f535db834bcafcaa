package mesoslab.standin.mesosdns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON object read the way Go's {@code encoding/json} fills a struct: keys match field names
 * case-insensitively, unknown keys are ignored, {@code null} keeps the default, and a value of the
 * wrong type is an error naming the key as written in the file.
 */
final class JsonKeys {
    private final Map<String, Map.Entry<String, JsonNode>> byLowerName = new LinkedHashMap<>();

    JsonKeys(JsonNode object) {
        object.fields().forEachRemaining(e -> byLowerName.put(e.getKey().toLowerCase(Locale.ROOT), e));
    }

    private JsonNode node(String field) {
        Map.Entry<String, JsonNode> entry = byLowerName.get(field.toLowerCase(Locale.ROOT));
        return entry == null || entry.getValue().isNull() ? null : entry.getValue();
    }

    /** The key as the file spells it (for messages), or the Go field name when absent. */
    String spelling(String field) {
        Map.Entry<String, JsonNode> entry = byLowerName.get(field.toLowerCase(Locale.ROOT));
        return entry == null ? field : entry.getKey();
    }

    long integer(String field, long fallback, long min, long max) throws ConfigException {
        JsonNode node = node(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(field, node, "a whole number");
        }
        long value = node.asLong();
        if (value < min || value > max) {
            throw new ConfigException("config key \"" + spelling(field) + "\" is " + value + " but must be between "
                    + min + " and " + max);
        }
        return value;
    }

    boolean bool(String field, boolean fallback) throws ConfigException {
        JsonNode node = node(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw wrongType(field, node, "true or false");
        }
        return node.asBoolean();
    }

    String text(String field, String fallback) throws ConfigException {
        JsonNode node = node(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw wrongType(field, node, "a string");
        }
        return node.asText();
    }

    List<String> texts(String field, List<String> fallback) throws ConfigException {
        JsonNode node = node(field);
        if (node == null) {
            return fallback;
        }
        return texts(field, node);
    }

    private List<String> texts(String field, JsonNode node) throws ConfigException {
        if (!node.isArray()) {
            throw wrongType(field, node, "a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw wrongType(field, item, "a list of strings");
            }
            values.add(item.asText());
        }
        return List.copyOf(values);
    }

    Map<String, List<String>> textLists(String field) throws ConfigException {
        JsonNode node = node(field);
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (node == null) {
            return values;
        }
        if (!node.isObject()) {
            throw wrongType(field, node, "an object of string lists");
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var entry = it.next();
            values.put(entry.getKey(), texts(field, entry.getValue()));
        }
        return values;
    }

    /** A nested object read with the same rules; empty when absent. */
    JsonKeys object(String field) throws ConfigException {
        JsonNode node = node(field);
        if (node == null) {
            return new JsonKeys(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        }
        if (!node.isObject()) {
            throw wrongType(field, node, "an object");
        }
        return new JsonKeys(node);
    }

    private ConfigException wrongType(String field, JsonNode node, String expected) {
        return new ConfigException("config key \"" + spelling(field) + "\" must be " + expected + ", not " + node);
    }
}
