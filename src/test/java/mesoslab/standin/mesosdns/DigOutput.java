package mesoslab.standin.mesosdns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code dig +noall +comments +answer +authority +additional} printed: the status and flags
 * from the header comment, and each section's records with their whitespace collapsed to one
 * space, sorted (Mesos-DNS shuffles answers).
 */
record DigOutput(String status, List<String> flags, Map<String, List<String>> sections, String raw) {
    private static final Pattern HEADER = Pattern.compile(";; ->>HEADER<<- opcode: \\w+, status: (\\w+),");
    private static final Pattern FLAGS = Pattern.compile(";; flags: ([a-z ]+);");
    private static final Pattern SECTION = Pattern.compile(";; (\\w+) SECTION:");

    static DigOutput parse(String raw) {
        String status = "";
        List<String> flags = List.of();
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : raw.split("\n")) {
            Matcher header = HEADER.matcher(line);
            Matcher flagLine = FLAGS.matcher(line);
            Matcher section = SECTION.matcher(line);
            if (header.find()) {
                status = header.group(1);
            } else if (flagLine.find()) {
                flags = List.of(flagLine.group(1).strip().split(" "));
            } else if (section.find()) {
                current = new ArrayList<>();
                sections.put(section.group(1), current);
            } else if (line.isBlank() || line.startsWith(";")) {
                current = line.isBlank() ? null : current;
            } else if (current != null) {
                current.add(line.strip().replaceAll("\\s+", " "));
            }
        }
        sections.values().forEach(records -> records.sort(null));
        return new DigOutput(status, flags, sections, raw);
    }

    List<String> section(String name) {
        return sections.getOrDefault(name, List.of());
    }

    @Override
    public String toString() {
        return raw;
    }
}
