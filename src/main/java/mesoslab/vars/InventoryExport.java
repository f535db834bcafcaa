package mesoslab.vars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.inventory.Group;
import mesoslab.inventory.Host;
import mesoslab.inventory.Inventory;

/**
 * The inventory in {@code ansible-inventory}'s shapes: {@code --list} (groups with hosts and
 * children, {@code _meta.hostvars}), {@code --graph} and {@code --host}.
 */
public final class InventoryExport {
    private final Inventory inventory;

    public InventoryExport(Inventory inventory) {
        this.inventory = inventory;
    }

    /** The host's variables as the inventory alone resolves them (no magic variables). */
    public Map<String, Object> hostVars(Host host) {
        return InventoryVars.stack(inventory, host).flatten();
    }

    /** The {@code --list} structure. */
    public Map<String, Object> list() {
        Map<String, Object> result = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        formatGroup(inventory.all(), result, seen);
        Map<String, Object> hostvars = new LinkedHashMap<>();
        for (Host host : inventory.all().allHosts()) {
            Map<String, Object> vars = hostVars(host);
            if (!vars.isEmpty()) {
                hostvars.put(host.name(), vars);
            }
        }
        result.put("_meta", Map.of("hostvars", hostvars));
        return result;
    }

    private void formatGroup(Group group, Map<String, Object> result, Set<String> seen) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (!group.name().equals("all")) {
            List<String> hosts = group.hosts().stream().map(Host::name).toList();
            if (!hosts.isEmpty()) {
                entry.put("hosts", hosts);
            }
        }
        List<String> children = new ArrayList<>();
        result.put(group.name(), entry);
        for (Group child : group.children()) {
            children.add(child.name());
            if (seen.add(child.name())) {
                formatGroup(child, result, seen);
            }
        }
        if (!children.isEmpty()) {
            entry.put("children", children);
        }
        if (entry.isEmpty()) {
            result.remove(group.name());
        }
    }

    /** The {@code --graph} lines, optionally with variables ({@code --vars}). */
    public List<String> graph(String groupName, boolean withVars) {
        Group group = inventory.group(groupName);
        List<String> lines = new ArrayList<>();
        graphGroup(group, 0, withVars, lines);
        return lines;
    }

    private void graphGroup(Group group, int depth, boolean withVars, List<String> lines) {
        lines.add(indent("@" + group.name() + ":", depth));
        for (Group child : group.children()) {
            graphGroup(child, depth + 1, withVars, lines);
        }
        if (!group.name().equals("all")) {
            for (Host host : group.hosts()) {
                lines.add(indent(host.name(), depth + 1));
                if (withVars) {
                    showVars(hostVars(host), depth + 2, lines);
                }
            }
        }
        if (withVars) {
            showVars(groupVars(group), depth + 1, lines);
        }
    }

    /** A group's own variables: inventory first, then its group_vars/ files. */
    public Map<String, Object> groupVars(Group group) {
        Map<String, Object> vars = new LinkedHashMap<>();
        group.vars().forEach((k, v) -> vars.put(k, v.value()));
        // Ansible keeps the priority among the group's own variables, though hosts never see it.
        if (group.priorityWritten() != null) {
            vars.put("ansible_group_priority", group.priorityWritten());
        }
        inventory.groupVarFiles(group.name()).forEach(file -> file.vars().forEach((k, v) -> vars.put(k, v.value())));
        return vars;
    }

    private static void showVars(Map<String, Object> vars, int depth, List<String> lines) {
        vars.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.add(indent("{" + e.getKey() + " = " + PythonRepr.str(e.getValue()) + "}", depth)));
    }

    private static String indent(String name, int depth) {
        return depth == 0 ? name : "  |".repeat(depth) + "--" + name;
    }
}
