package mesoslab.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import mesoslab.common.SourceLocation;

/** A YAML mapping with string keys, in file order. Duplicate keys were refused at load time. */
public record YamlMap(SourceLocation location, Map<String, Entry> entries) implements YamlNode {

    /** One key and its value; the key's own location is where "unknown key" errors point. */
    public record Entry(String key, SourceLocation keyLocation, YamlNode value) {}

    public YamlMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value under {@code key}, or null when absent. */
    public YamlNode get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    public Entry entry(String key) {
        return entries.get(key);
    }

    @Override
    public Object toPlain() {
        Map<String, Object> plain = new LinkedHashMap<>();
        entries.forEach((k, e) -> plain.put(k, e.value().toPlain()));
        return plain;
    }

    @Override
    public String kind() {
        return "a mapping";
    }
}
