package mesoslab.standin.mesosdns;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One generation of Mesos-DNS records, immutable once built: A, AAAA and SRV values by fully
 * qualified lower-case name (with the trailing dot). SRV values are {@code target.:port}.
 * Insertion order is kept so tests and the HTTP API are deterministic; the DNS server shuffles
 * answers itself, as the real one does.
 *
 * @param enumeration what {@code /v1/enumerate} shows: per framework, its tasks and their records
 */
public record RecordSet(Map<String, Set<String>> a, Map<String, Set<String>> aaaa, Map<String, Set<String>> srv,
                        List<EnumeratedFramework> enumeration) {

    /** The record kinds Mesos-DNS keeps. */
    public enum Kind { A, AAAA, SRV }

    public record EnumeratedFramework(String name, List<EnumeratedTask> tasks) {}

    public record EnumeratedTask(String name, String id, List<EnumeratedRecord> records) {}

    public record EnumeratedRecord(String name, String host, String rtype) {}

    public static RecordSet empty() {
        return new RecordSet(Map.of(), Map.of(), Map.of(), List.of());
    }

    public Set<String> values(Kind kind, String name) {
        Map<String, Set<String>> byName = switch (kind) {
            case A -> a;
            case AAAA -> aaaa;
            case SRV -> srv;
        };
        return byName.getOrDefault(name, Set.of());
    }

    /** The first value of a name, as Mesos-DNS picks one A record per SRV target. */
    public Optional<String> first(Kind kind, String name) {
        return values(kind, name).stream().findFirst();
    }

    /** True when the name has a record of any kind (NODATA instead of NXDOMAIN). */
    public boolean hasName(String name) {
        return a.containsKey(name) || aaaa.containsKey(name) || srv.containsKey(name);
    }

    /** Collects records; adding the same name and value twice keeps one. */
    public static final class Builder {
        private final Map<Kind, Map<String, Set<String>>> records = new LinkedHashMap<>();

        public Builder() {
            for (Kind kind : Kind.values()) {
                records.put(kind, new LinkedHashMap<>());
            }
        }

        /** Adds the record; false when the value is empty or already there. */
        public boolean add(Kind kind, String name, String value) {
            if (value == null || value.isEmpty()) {
                return false;
            }
            return records.get(kind).computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value);
        }

        public RecordSet build(List<EnumeratedFramework> enumeration) {
            return new RecordSet(freeze(records.get(Kind.A)), freeze(records.get(Kind.AAAA)),
                    freeze(records.get(Kind.SRV)), List.copyOf(enumeration));
        }

        private static Map<String, Set<String>> freeze(Map<String, Set<String>> byName) {
            Map<String, Set<String>> copy = new LinkedHashMap<>();
            byName.forEach((name, values) -> copy.put(name, Collections.unmodifiableSet(new LinkedHashSet<>(values))));
            return Collections.unmodifiableMap(copy);
        }
    }
}
