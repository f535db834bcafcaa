package mesoslab.module;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import mesoslab.playbook.ModuleCatalog;

/**
 * The names of the modules mesoslab provides (DESIGN.md section 2), and which of them take a
 * free-form argument. The playbook loader validates against this before anything runs.
 */
public final class BuiltinModules implements ModuleCatalog {
    private static final Set<String> COMMAND_OPTIONS = Set.of("chdir", "creates", "removes", "executable", "stdin");
    private static final Map<String, Set<String>> FREE_FORM = Map.of(
            "command", COMMAND_OPTIONS,
            "shell", COMMAND_OPTIONS);
    private static final Set<String> NAMES = Set.copyOf(new TreeMap<>(Map.ofEntries(
            Map.entry("command", ""), Map.entry("shell", ""), Map.entry("copy", ""), Map.entry("template", ""),
            Map.entry("file", ""), Map.entry("lineinfile", ""), Map.entry("blockinfile", ""), Map.entry("stat", ""),
            Map.entry("slurp", ""), Map.entry("apt", ""), Map.entry("package", ""), Map.entry("get_url", ""),
            Map.entry("unarchive", ""), Map.entry("systemd", ""), Map.entry("service", ""), Map.entry("daemon", ""),
            Map.entry("wait_for", ""), Map.entry("uri", ""), Map.entry("assert", ""), Map.entry("fail", ""),
            Map.entry("debug", ""), Map.entry("set_fact", ""), Map.entry("pause", ""), Map.entry("zk_quorum", ""),
            Map.entry("mesos_cluster", ""), Map.entry("marathon_cluster", ""), Map.entry("marathon_app", ""), Map.entry("dns_record", ""),
            Map.entry("bigip_virtual", ""), Map.entry("http_through", ""))).keySet());

    @Override
    public Set<String> names() {
        return NAMES;
    }

    @Override
    public Set<String> freeFormOptions(String name) {
        return FREE_FORM.get(name);
    }
}
