package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from posted JSON that collect problems instead of throwing, so one 422 answer
 * lists every mistake: wrong JSON types ("Invalid JSON", Play-JSON style codes such as
 * {@code error.expected.jsnumber}) apart from broken rules ("Object is not valid").
 */
final class JsonFields {
    private final Map<String, List<String>> typeErrors = new LinkedHashMap<>();
    private final Map<String, List<String>> ruleErrors = new LinkedHashMap<>();

    void typeError(String path, String code) {
        typeErrors.computeIfAbsent(path, k -> new ArrayList<>()).add(code);
    }

    void rule(String path, String message) {
        ruleErrors.computeIfAbsent(path, k -> new ArrayList<>()).add(message);
    }

    /** Throws the 422 Marathon would answer, if anything was wrong. Type errors come first, as in Marathon. */
    void throwIfAny() throws AppValidationException {
        if (!typeErrors.isEmpty()) {
            throw new AppValidationException("Invalid JSON", toList(typeErrors));
        }
        if (!ruleErrors.isEmpty()) {
            throw new AppValidationException("Object is not valid", toList(ruleErrors));
        }
    }

    private static List<Violation> toList(Map<String, List<String>> errors) {
        List<Violation> out = new ArrayList<>();
        errors.forEach((path, list) -> out.add(new Violation(path, List.copyOf(list))));
        return out;
    }

    Double number(JsonNode parent, String name, String path, Double fallback) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            typeError(path, "error.expected.jsnumber");
            return fallback;
        }
        return v.asDouble();
    }

    Integer integer(JsonNode parent, String name, String path, Integer fallback) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber()) {
            typeError(path, v.isNumber() ? "error.expected.int" : "error.expected.jsnumber");
            return fallback;
        }
        return v.asInt();
    }

    String string(JsonNode parent, String name, String path, String fallback) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            typeError(path, "error.expected.jsstring");
            return fallback;
        }
        return v.asText();
    }

    Boolean bool(JsonNode parent, String name, String path, Boolean fallback) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            typeError(path, "error.expected.jsboolean");
            return fallback;
        }
        return v.asBoolean();
    }

    /** The object at {@code name}, or null when absent (or the wrong type, which is recorded). */
    JsonNode object(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            typeError(path, "error.expected.jsobject");
            return null;
        }
        return v;
    }

    JsonNode array(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            typeError(path, "error.expected.jsarray");
            return null;
        }
        return v;
    }

    /** A map of string values (labels, env); a non-string value is a type error at {@code path/key}. */
    Map<String, String> stringMap(JsonNode parent, String name, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode o = object(parent, name, path);
        if (o != null) {
            o.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    out.put(e.getKey(), e.getValue().asText());
                } else if (e.getValue().isObject() && e.getValue().has("secret")) {
                    // env secrets reference a secret store the stand-in does not have: left out of the task
                } else {
                    typeError(path + "/" + e.getKey(), "error.expected.jsstring");
                }
            });
        }
        return out;
    }
}
