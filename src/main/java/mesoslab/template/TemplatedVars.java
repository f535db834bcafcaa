package mesoslab.template;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A host's variables whose values may themselves hold {@code {{ }}} (as
 * {@code lab_root: "{{ local_lab_dir }}/{{ inventory_hostname }}"}): each is rendered when it is
 * read, against the same variables, so a value can use any other, in any layer. Unused values
 * are never rendered, so a mistake in one that nothing reads does not stop a run. A value that
 * refers to itself, directly or through others, is an error naming the chain.
 *
 * <p>Not thread-safe: one instance per host and task.
 */
public final class TemplatedVars extends AbstractMap<String, Object> {
    private static final int MAX_DEPTH = 20;
    private final Map<String, Object> raw;
    private final Expressions expressions;
    private final String host;
    private final Map<String, Object> rendered = new HashMap<>();
    private final Set<String> resolving = new LinkedHashSet<>();
    private final Set<String> plainKeys;

    /**
     * @param plainKeys names whose values are never rendered (mesoslab's own magic variables,
     *                  whose values may be large lazy maps)
     */
    public TemplatedVars(Map<String, Object> raw, Expressions expressions, String host, Set<String> plainKeys) {
        this.raw = new HashMap<>(raw);
        this.expressions = expressions;
        this.host = host;
        this.plainKeys = plainKeys;
    }

    /** A copy holding the same raw values (nothing is rendered by copying). */
    public static TemplatedVars copyOf(Map<String, Object> vars, Expressions expressions, String host) {
        return vars instanceof TemplatedVars t ? new TemplatedVars(t.raw, expressions, host, t.plainKeys)
                : new TemplatedVars(vars, expressions, host, Set.of());
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name) || !raw.containsKey(name)) {
            return null;
        }
        if (rendered.containsKey(name)) {
            return rendered.get(name);
        }
        Object value = raw.get(name);
        if (plainKeys.contains(name) || !needsRendering(value)) {
            return value;
        }
        if (!resolving.add(name) || resolving.size() > MAX_DEPTH) {
            List<String> chain = new ArrayList<>(resolving);
            chain.add(name);
            throw new TemplateError(null, host, "variable '" + name + "' refers to itself: " + String.join(" -> ", chain),
                    "Break the loop: one of these variables must have a plain value", null);
        }
        try {
            Object result = expressions.renderDeep(value, this, new ExpressionContext(null, false, host));
            rendered.put(name, result);
            return result;
        } finally {
            resolving.remove(name);
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return raw.containsKey(key);
    }

    @Override
    public Object put(String key, Object value) {
        rendered.remove(key);
        return raw.put(key, value);
    }

    @Override
    public Object remove(Object key) {
        rendered.remove(key);
        return raw.remove(key);
    }

    /** Every entry, rendered; only for callers that really want all values (a debug dump). */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        // Keyed by name only: hashing the values would walk into hostvars, and through it every host.
        Map<String, Object> entries = new java.util.LinkedHashMap<>();
        for (String key : new HashSet<>(raw.keySet())) {
            entries.put(key, get(key));
        }
        return entries.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return java.util.Collections.unmodifiableSet(raw.keySet());
    }

    @Override
    public int size() {
        return raw.size();
    }

    /** The raw values (templates unrendered), e.g. for explain. */
    public Map<String, Object> raw() {
        return new LinkedHashMap<>(raw);
    }

    private static boolean needsRendering(Object value) {
        if (value instanceof String s) {
            return s.contains("{{");
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(TemplatedVars::needsRendering);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(TemplatedVars::needsRendering);
        }
        return false;
    }
}
