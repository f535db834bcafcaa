package mesoslab.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoslab.common.InvalidInputException;
import mesoslab.common.Var;
import mesoslab.yaml.YamlList;
import mesoslab.yaml.YamlMap;
import mesoslab.yaml.YamlNode;
import mesoslab.yaml.YamlScalar;

/**
 * Typed readers for playbook fields. Each checks the YAML type and, when wrong, says which key,
 * where, what was found and what is expected. A {@code {{ }}} string is accepted where a value
 * may be decided at run time.
 */
final class Fields {
    private Fields() {}

    static boolean isTemplated(YamlNode node) {
        return node instanceof YamlScalar s && s.value() instanceof String str && str.contains("{{");
    }

    static String string(YamlMap map, String key) {
        YamlNode node = map.get(key);
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return null;
        }
        if (!(node instanceof YamlScalar scalar)) {
            throw wrongType(map, key, node, "a string");
        }
        return String.valueOf(scalar.value());
    }

    /** A boolean, or a {{ }} string decided at run time. Returns Boolean, String or null. */
    static Object bool(YamlMap map, String key) {
        YamlNode node = map.get(key);
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return null;
        }
        if (node instanceof YamlScalar s && s.value() instanceof Boolean b) {
            return b;
        }
        if (isTemplated(node)) {
            return ((YamlScalar) node).value();
        }
        throw wrongType(map, key, node, "true or false");
    }

    /** A whole number, or a {{ }} string. Returns Integer, String or null. */
    static Object integer(YamlMap map, String key) {
        YamlNode node = map.get(key);
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return null;
        }
        if (node instanceof YamlScalar s && s.isInteger()) {
            return ((Number) s.value()).intValue();
        }
        if (isTemplated(node)) {
            return ((YamlScalar) node).value();
        }
        throw wrongType(map, key, node, "a whole number");
    }

    /** A string or a list of strings (a comma-separated string is split, as for tags). */
    static List<String> stringList(YamlMap map, String key, boolean splitCommas) {
        YamlNode node = map.get(key);
        List<String> out = new ArrayList<>();
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return out;
        }
        if (node instanceof YamlScalar s) {
            if (splitCommas) {
                for (String part : String.valueOf(s.value()).split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            } else {
                out.add(String.valueOf(s.value()));
            }
            return out;
        }
        if (node instanceof YamlList list) {
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlScalar s) || s.isNull()) {
                    throw new InvalidInputException(item.location(),
                            "'" + key + "' must list plain words, but an item is " + item.kind(),
                            "Write each item as a word, e.g. " + key + ": [one, two]");
                }
                out.add(String.valueOf(s.value()));
            }
            return out;
        }
        throw wrongType(map, key, node, "a string or a list of strings");
    }

    /** A mapping of variables, each remembering where it was written. */
    static Map<String, Var> vars(YamlMap map, String key) {
        YamlNode node = map.get(key);
        Map<String, Var> out = new LinkedHashMap<>();
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return out;
        }
        if (!(node instanceof YamlMap vars)) {
            throw wrongType(map, key, node, "a mapping of 'name: value' pairs");
        }
        vars.entries().values().forEach(e -> out.put(e.key(), new Var(e.value() == null ? null : e.value().toPlain(), e.keyLocation())));
        return out;
    }

    /** A mapping as plain values. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plainMap(YamlMap map, String key) {
        YamlNode node = map.get(key);
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return Map.of();
        }
        if (!(node instanceof YamlMap)) {
            throw wrongType(map, key, node, "a mapping of 'name: value' pairs");
        }
        return (Map<String, Object>) node.toPlain();
    }

    static YamlList list(YamlMap map, String key) {
        YamlNode node = map.get(key);
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return null;
        }
        if (!(node instanceof YamlList list)) {
            throw wrongType(map, key, node, "a list");
        }
        return list;
    }

    static InvalidInputException wrongType(YamlMap map, String key, YamlNode node, String expected) {
        String found = node instanceof YamlScalar s && s.value() != null ? node.kind() + " ('" + s.text() + "')" : node.kind();
        return new InvalidInputException(node.location(), "'" + key + "' must be " + expected + ", not " + found,
                "Change the value of '" + key + "' to " + expected);
    }
}
