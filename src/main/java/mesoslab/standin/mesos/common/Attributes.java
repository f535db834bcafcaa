package mesoslab.standin.mesos.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mesoslab.standin.http.Json;

/**
 * An agent's attributes, from {@code --attributes=rack:r1;zone:a;level:3;ids:[1-4]}. Like Mesos,
 * a value is typed by its look: a number is SCALAR, {@code [a-b,...]} is RANGES, anything else
 * TEXT (sets are not allowed for attributes). Written three ways: the summary of
 * {@code /master/state} and the agent's {@code /state}, the v1 array offers carry, and the
 * strings Marathon compares in constraints.
 */
public record Attributes(List<Attribute> all) {
    public static final Attributes NONE = new Attributes(List.of());

    /** One attribute; {@code text} is the value as written on the command line. */
    public record Attribute(String name, Type type, String text) {}

    public enum Type { TEXT, SCALAR, RANGES }

    /** Thrown for a malformed {@code --attributes} value; the message names the offending pair. */
    public static final class InvalidAttributes extends IllegalArgumentException {
        InvalidAttributes(String message) {
            super(message);
        }
    }

    public static Attributes parse(String text) {
        List<Attribute> out = new ArrayList<>();
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new InvalidAttributes("Invalid attribute key:value pair '" + pair.strip() + "' in '" + text + "'");
            }
            String value = pair.substring(colon + 1).strip();
            if (value.startsWith("{")) {
                throw new InvalidAttributes("Invalid attribute '" + pair.strip() + "': sets are not supported for attributes");
            }
            out.add(new Attribute(pair.substring(0, colon).strip(), typeOf(value), value));
        }
        return new Attributes(List.copyOf(out));
    }

    private static Type typeOf(String value) {
        if (value.startsWith("[")) {
            return Type.RANGES;
        }
        try {
            Double.parseDouble(value);
            return Type.SCALAR;
        } catch (NumberFormatException notANumber) {
            return Type.TEXT;
        }
    }

    /** Reads the v1 {@code attributes} array of an offer. */
    public static Attributes fromV1(JsonNode array) {
        List<Attribute> out = new ArrayList<>();
        for (JsonNode a : array) {
            String name = a.path("name").asText();
            switch (a.path("type").asText()) {
                case "SCALAR" -> out.add(new Attribute(name, Type.SCALAR, plain(a.path("scalar").path("value").asDouble())));
                case "RANGES" -> {
                    List<PortRange> ranges = new ArrayList<>();
                    a.path("ranges").path("range").forEach(r -> ranges.add(new PortRange(r.path("begin").asLong(), r.path("end").asLong())));
                    out.add(new Attribute(name, Type.RANGES, rangesText(ranges)));
                }
                default -> out.add(new Attribute(name, Type.TEXT, a.path("text").path("value").asText()));
            }
        }
        return new Attributes(List.copyOf(out));
    }

    /** The v1 array an offer carries. */
    public ArrayNode toV1() {
        ArrayNode array = Json.array();
        for (Attribute a : all) {
            ObjectNode o = array.addObject().put("name", a.name()).put("type", a.type().name());
            switch (a.type()) {
                case SCALAR -> o.putObject("scalar").put("value", Double.parseDouble(a.text()));
                case RANGES -> {
                    ArrayNode range = o.putObject("ranges").putArray("range");
                    Resources.parseRanges(a.text()).forEach(r -> range.addObject().put("begin", r.begin()).put("end", r.end()));
                }
                case TEXT -> o.putObject("text").put("value", a.text());
            }
        }
        return array;
    }

    /** The {@code "attributes"} object of the state endpoints: scalars as numbers, ranges and text as strings. */
    public ObjectNode toSummary() {
        ObjectNode o = Json.object();
        for (Attribute a : all) {
            switch (a.type()) {
                case SCALAR -> o.put(a.name(), Double.parseDouble(a.text()));
                case RANGES -> o.put(a.name(), rangesText(Resources.parseRanges(a.text())));
                case TEXT -> o.put(a.name(), a.text());
            }
        }
        return o;
    }

    /**
     * name → value as Marathon compares it in constraints: text as is, a scalar without a
     * trailing {@code .0}, ranges as {@code [a-b,c-d]}.
     */
    public Map<String, String> constraintValues() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Attribute a : all) {
            out.put(a.name(), switch (a.type()) {
                case SCALAR -> plain(Double.parseDouble(a.text()));
                case RANGES -> Resources.parseRanges(a.text()).stream().map(r -> r.begin() + "-" + r.end())
                        .collect(Collectors.joining(",", "[", "]"));
                case TEXT -> a.text();
            });
        }
        return out;
    }

    /** The text the agent was given, for the stand-in agent channel. */
    public String text() {
        return all.stream().map(a -> a.name() + ":" + a.text()).collect(Collectors.joining(";"));
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String rangesText(List<PortRange> ranges) {
        return ranges.stream().map(r -> r.begin() + "-" + r.end()).collect(Collectors.joining(", ", "[", "]"));
    }
}
