package mesoslab.inventory;

import mesoslab.common.Var;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import mesoslab.common.InvalidInputException;
import mesoslab.common.SourceLocation;
import mesoslab.common.Suggestions;
import mesoslab.yaml.YamlList;
import mesoslab.yaml.YamlLoader;
import mesoslab.yaml.YamlMap;
import mesoslab.yaml.YamlNode;
import mesoslab.yaml.YamlScalar;

/**
 * Reads Ansible's YAML inventory format as is: a file, or a folder of files merged in name
 * order, plus the {@code group_vars/} and {@code host_vars/} folders next to it.
 */
public final class InventoryLoader {
    private static final Set<String> GROUP_KEYS = Set.of("hosts", "children", "vars");
    private static final Set<String> IGNORED_SUFFIXES = Set.of("~", ".orig", ".bak", ".ini", ".cfg", ".retry", ".pyc",
            ".pyo", ".md", ".txt", ".rst");
    private static final Set<String> VAR_DIRS = Set.of("group_vars", "host_vars", "vars_plugins");

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final List<Path> sources = new ArrayList<>();

    private InventoryLoader() {
        groups.put("all", new Group("all", null));
        groups.put("ungrouped", new Group("ungrouped", null));
        groups.get("all").addChild(groups.get("ungrouped"));
    }

    /** Loads the inventory at {@code path} (a YAML file or a folder of them). */
    public static Inventory load(Path path) {
        if (!Files.exists(path)) {
            throw new InvalidInputException(SourceLocation.file(path), "inventory not found",
                    "Pass an existing inventory file or folder with -i (default: inventories/local)");
        }
        InventoryLoader loader = new InventoryLoader();
        loader.readSource(path);
        loader.reconcile();
        Path basedir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        VarFilesReader varFiles = new VarFilesReader(basedir);
        return new Inventory(loader.sources, loader.groups, loader.hosts,
                varFiles.read("group_vars", loader.groups.keySet()), varFiles.read("host_vars", loader.hosts.keySet()));
    }

    private void readSource(Path path) {
        if (Files.isDirectory(path)) {
            List<Path> entries;
            try (Stream<Path> list = Files.list(path)) {
                entries = list.sorted().toList();
            } catch (IOException e) {
                throw new InvalidInputException(SourceLocation.file(path), "cannot list the inventory folder: " + e.getMessage(),
                        "Check its permissions");
            }
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || (Files.isDirectory(entry) && VAR_DIRS.contains(name)) || ignored(name)) {
                    continue;
                }
                readSource(entry);
            }
            return;
        }
        sources.add(path);
        YamlNode root = YamlLoader.load(path);
        if (root == null) {
            return;
        }
        if (!(root instanceof YamlMap map)) {
            throw new InvalidInputException(root.location(),
                    "an inventory must be a mapping of group names (usually 'all:'), not " + root.kind(),
                    "Start the file with 'all:' and put 'hosts:', 'children:' and 'vars:' under it");
        }
        for (YamlMap.Entry entry : map.entries().values()) {
            parseGroup(entry.key(), entry.keyLocation(), entry.value());
        }
    }

    private static boolean ignored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return IGNORED_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private Group parseGroup(String name, SourceLocation where, YamlNode data) {
        Group group = addGroup(name, where);
        if (data == null || (data instanceof YamlScalar s && s.isNull())) {
            return group;
        }
        if (!(data instanceof YamlMap map)) {
            throw new InvalidInputException(data.location(),
                    "group '" + name + "' must be a mapping with 'hosts:', 'children:' or 'vars:', not " + data.kind(),
                    "Indent 'hosts:', 'children:' and 'vars:' under the group name");
        }
        for (YamlMap.Entry entry : map.entries().values()) {
            String key = entry.key();
            if (!GROUP_KEYS.contains(key)) {
                String suggestion = Suggestions.didYouMean(key, GROUP_KEYS);
                throw new InvalidInputException(entry.keyLocation(),
                        "unknown key '" + key + "' in group '" + name + "'" + (suggestion.isEmpty() ? "" : "; " + suggestion),
                        "A group holds only 'hosts:', 'children:' and 'vars:'; to make '" + key
                                + "' a child group, put it under 'children:'");
            }
            YamlNode value = entry.value();
            if (value instanceof YamlScalar s && s.isNull()) {
                continue;
            }
            if (value instanceof YamlScalar s && s.isString() && !key.equals("vars")) {
                // Ansible accepts "hosts: web1" as shorthand for a one-entry mapping.
                value = new YamlMap(s.location(), Map.of(s.text(), new YamlMap.Entry(s.text(), s.location(), null)));
            }
            if (!(value instanceof YamlMap section)) {
                throw new InvalidInputException(value.location(),
                        "'" + key + "' of group '" + name + "' must be a mapping, not " + value.kind(),
                        key.equals("hosts") ? "List hosts as 'name:' keys, one per line (not as '- name' items)"
                                : "Write '" + key + ":' entries as 'name: value' pairs");
            }
            switch (key) {
                case "vars" -> section.entries().values()
                        .forEach(v -> setGroupVar(group, v.key(), new Var(plain(v.value()), v.keyLocation())));
                case "children" -> section.entries().values().forEach(child -> addChild(group,
                        parseGroup(child.key(), child.keyLocation(), child.value()), child.keyLocation()));
                default -> section.entries().values().forEach(h -> addHosts(group, h));
            }
        }
        return group;
    }

    private static Object plain(YamlNode node) {
        return node == null ? null : node.toPlain();
    }

    private void setGroupVar(Group group, String key, Var value) {
        if (key.equals("ansible_group_priority")) {
            if (!(value.value() instanceof Number) && !(value.value() instanceof String s && s.matches("-?\\d+"))) {
                throw new InvalidInputException(value.location(),
                        "ansible_group_priority of group '" + group.name() + "' must be a whole number, not '" + value.value() + "'",
                        "Write a number such as 'ansible_group_priority: 10'");
            }
            group.setPriority(Integer.parseInt(String.valueOf(value.value())), value.value());
            return;
        }
        group.setVar(key, value);
    }

    private void addHosts(Group group, YamlMap.Entry entry) {
        HostAddress address = HostAddress.parse(entry.key());
        YamlNode vars = entry.value();
        if (vars != null && !(vars instanceof YamlMap) && !(vars instanceof YamlScalar s && s.isNull())) {
            throw new InvalidInputException(vars.location(),
                    "the variables of host '" + entry.key() + "' must be a mapping, not " + vars.kind(),
                    vars instanceof YamlList ? "Write them as 'name: value' pairs" : "Write 'host:' alone or 'host:' followed by indented 'name: value' pairs");
        }
        List<String> names = HostRange.isRange(address.name())
                ? HostRange.expand(address.name(), entry.keyLocation()) : List.of(address.name());
        for (String name : names) {
            if (name.isBlank()) {
                throw new InvalidInputException(entry.keyLocation(), "empty host name", "Give the host a name");
            }
            Host host = hosts.computeIfAbsent(name, n -> new Host(n, entry.keyLocation()));
            group.addHost(host);
            if (address.port() != null) {
                host.setVar("ansible_port", new Var(address.port(), entry.keyLocation()));
            }
            if (vars instanceof YamlMap map) {
                map.entries().values().forEach(v -> host.setVar(v.key(), new Var(plain(v.value()), v.keyLocation())));
            }
        }
    }

    private Group addGroup(String name, SourceLocation where) {
        if (name.isBlank()) {
            throw new InvalidInputException(where, "empty group name", "Give the group a name");
        }
        if (name.contains(" ") || name.contains(":") || name.contains(",") || name.startsWith("!") || name.startsWith("&")) {
            throw new InvalidInputException(where, "invalid group name '" + name + "': it contains a character that host patterns use",
                    "Use letters, digits and underscores in group names");
        }
        return groups.computeIfAbsent(name, n -> new Group(n, where));
    }

    private void addChild(Group parent, Group child, SourceLocation where) {
        if (parent == child || parent.ancestors().contains(child)) {
            throw new InvalidInputException(where,
                    "group '" + child.name() + "' is made a child of '" + parent.name() + "', which is already below it: the groups form a loop",
                    "Remove '" + child.name() + "' from the 'children:' of '" + parent.name() + "' (or the reverse)");
        }
        parent.addChild(child);
    }

    /** Ansible's reconciliation: top-level groups under {@code all}, lone hosts in {@code ungrouped}. */
    private void reconcile() {
        Group all = groups.get("all");
        Group ungrouped = groups.get("ungrouped");
        for (Group group : groups.values()) {
            if (group != all && group.parents().isEmpty()) {
                all.addChild(group);
            }
            Host clash = hosts.get(group.name());
            if (clash != null && group != all) {
                throw new InvalidInputException(clash.location(),
                        "'" + group.name() + "' is both a host and a group (the group is at " + group.location() + ")",
                        "Rename one of them: host patterns like '" + group.name() + "' could not tell them apart");
            }
        }
        for (Host host : hosts.values()) {
            List<Group> direct = host.directGroups();
            boolean onlyAll = direct.stream().allMatch(g -> g == all || g == ungrouped);
            if (!onlyAll && direct.contains(ungrouped)) {
                ungrouped.removeHost(host);
            } else if (onlyAll && !direct.contains(ungrouped)) {
                ungrouped.addHost(host);
            }
        }
    }
}
