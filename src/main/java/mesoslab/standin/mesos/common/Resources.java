package mesoslab.standin.mesos.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import mesoslab.standin.http.Json;

/**
 * The resources the stand-ins handle: scalars cpus, mem, disk and a set of port ranges. Parsed
 * from the agent's {@code --resources} text and from v1 {@code Resource} JSON arrays, written as
 * v1 arrays (offers) and as the summarised form of {@code /master/state}.
 */
public record Resources(double cpus, double mem, double disk, List<PortRange> ports) {

    public static final Resources EMPTY = new Resources(0, 0, 0, List.of());

    /** Parses {@code cpus:2;mem:1024;ports:[31000-32000]}; missing ports get Mesos' default range. */
    public static Resources parse(String text) {
        double cpus = 1;
        double mem = 1024;
        double disk = 10240;
        List<PortRange> ports = List.of(new PortRange(31000, 32000));
        for (String part : text.split(";")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = part.substring(0, colon).strip();
            // Mesos allows a role suffix (cpus(*):2); the stand-in knows only the default role.
            name = name.replaceAll("\\(.*\\)", "");
            String value = part.substring(colon + 1).strip();
            switch (name) {
                case "cpus" -> cpus = Double.parseDouble(value);
                case "mem" -> mem = Double.parseDouble(value);
                case "disk" -> disk = Double.parseDouble(value);
                case "ports" -> ports = parseRanges(value);
                default -> { }
            }
        }
        return new Resources(cpus, mem, disk, ports);
    }

    static List<PortRange> parseRanges(String text) {
        String inner = text.replace("[", "").replace("]", "").strip();
        List<PortRange> ranges = new ArrayList<>();
        if (inner.isEmpty()) {
            return ranges;
        }
        for (String r : inner.split(",")) {
            String[] ends = r.strip().split("-");
            ranges.add(new PortRange(Long.parseLong(ends[0].strip()), Long.parseLong(ends[ends.length - 1].strip())));
        }
        return ranges;
    }

    /** Reads a v1 JSON array of {@code Resource} objects (as found in TaskInfo and offers). */
    public static Resources fromV1(JsonNode array) {
        double cpus = 0;
        double mem = 0;
        double disk = 0;
        List<PortRange> ports = new ArrayList<>();
        for (JsonNode r : array) {
            switch (r.path("name").asText()) {
                case "cpus" -> cpus += r.path("scalar").path("value").asDouble();
                case "mem" -> mem += r.path("scalar").path("value").asDouble();
                case "disk" -> disk += r.path("scalar").path("value").asDouble();
                case "ports" -> r.path("ranges").path("range").forEach(
                        x -> ports.add(new PortRange(x.path("begin").asLong(), x.path("end").asLong())));
                default -> { }
            }
        }
        return new Resources(cpus, mem, disk, ports);
    }

    public boolean isEmpty() {
        return cpus < 0.001 && mem < 0.001 && ports.isEmpty();
    }

    public boolean contains(Resources other) {
        return cpus + 1e-6 >= other.cpus && mem + 1e-6 >= other.mem && disk + 1e-6 >= other.disk
                && other.ports.stream().allMatch(o -> ports.stream().anyMatch(p -> p.begin() <= o.begin() && o.end() <= p.end()));
    }

    public Resources minus(Resources other) {
        List<PortRange> left = new ArrayList<>(ports);
        for (PortRange o : other.ports) {
            List<PortRange> next = new ArrayList<>();
            for (PortRange p : left) {
                if (o.end() < p.begin() || o.begin() > p.end()) {
                    next.add(p);
                    continue;
                }
                if (p.begin() < o.begin()) {
                    next.add(new PortRange(p.begin(), o.begin() - 1));
                }
                if (o.end() < p.end()) {
                    next.add(new PortRange(o.end() + 1, p.end()));
                }
            }
            left = next;
        }
        return new Resources(Math.max(0, cpus - other.cpus), Math.max(0, mem - other.mem), Math.max(0, disk - other.disk), left);
    }

    public Resources plus(Resources other) {
        List<PortRange> all = new ArrayList<>(ports);
        all.addAll(other.ports);
        all.sort(java.util.Comparator.comparingLong(PortRange::begin));
        List<PortRange> merged = new ArrayList<>();
        for (PortRange r : all) {
            PortRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.begin() <= last.end() + 1) {
                merged.set(merged.size() - 1, new PortRange(last.begin(), Math.max(last.end(), r.end())));
            } else {
                merged.add(r);
            }
        }
        return new Resources(cpus + other.cpus, mem + other.mem, disk + other.disk, merged);
    }

    /** The v1 JSON array form, role {@code *}, as Mesos puts it in offers. */
    public ArrayNode toV1() {
        ArrayNode array = Json.array();
        scalar(array, "cpus", cpus);
        scalar(array, "mem", mem);
        scalar(array, "disk", disk);
        if (!ports.isEmpty()) {
            ObjectNode r = array.addObject().put("name", "ports").put("type", "RANGES").put("role", "*");
            ArrayNode range = r.putObject("ranges").putArray("range");
            ports.forEach(p -> range.addObject().put("begin", p.begin()).put("end", p.end()));
            r.putObject("allocation_info").put("role", "*");
        }
        return array;
    }

    private static void scalar(ArrayNode array, String name, double value) {
        if (value > 0) {
            ObjectNode r = array.addObject().put("name", name).put("type", "SCALAR").put("role", "*");
            r.putObject("scalar").put("value", value);
            r.putObject("allocation_info").put("role", "*");
        }
    }

    /** The summary {@code /master/state} writes: scalars as numbers, ranges as {@code "[a-b, c-d]"}. */
    public ObjectNode toSummary() {
        ObjectNode o = Json.object().put("cpus", cpus).put("gpus", 0.0).put("mem", mem).put("disk", disk);
        if (!ports.isEmpty()) {
            o.put("ports", rangesText());
        }
        return o;
    }

    public String rangesText() {
        return ports.stream().map(p -> p.begin() + "-" + p.end()).collect(Collectors.joining(", ", "[", "]"));
    }
}
