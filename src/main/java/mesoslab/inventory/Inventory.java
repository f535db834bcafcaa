package mesoslab.inventory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A loaded, reconciled inventory: every host is in {@code all}, hosts in no other group are in
 * {@code ungrouped}, groups without a parent are children of {@code all}. Immutable after
 * loading.
 */
public final class Inventory {
    private final List<Path> sources;
    private final Map<String, Group> groups;
    private final Map<String, Host> hosts;
    private final Map<String, List<VarFile>> groupVarFiles;
    private final Map<String, List<VarFile>> hostVarFiles;

    Inventory(List<Path> sources, Map<String, Group> groups, Map<String, Host> hosts,
              Map<String, List<VarFile>> groupVarFiles, Map<String, List<VarFile>> hostVarFiles) {
        this.sources = List.copyOf(sources);
        this.groups = Collections.unmodifiableMap(groups);
        this.hosts = Collections.unmodifiableMap(hosts);
        this.groupVarFiles = Collections.unmodifiableMap(groupVarFiles);
        this.hostVarFiles = Collections.unmodifiableMap(hostVarFiles);
    }

    /** The files the inventory was read from, in reading order. */
    public List<Path> sources() {
        return sources;
    }

    /** Groups in the order they were first named ({@code all} and {@code ungrouped} first). */
    public Collection<Group> groups() {
        return groups.values();
    }

    /** Hosts in the order they were first named. */
    public Collection<Host> hosts() {
        return hosts.values();
    }

    public Group group(String name) {
        return groups.get(name);
    }

    public Host host(String name) {
        return hosts.get(name);
    }

    public Group all() {
        return groups.get("all");
    }

    /** {@code group_vars/} files for a group, in load order (later ones win). */
    public List<VarFile> groupVarFiles(String group) {
        return groupVarFiles.getOrDefault(group, List.of());
    }

    /** {@code host_vars/} files for a host, in load order (later ones win). */
    public List<VarFile> hostVarFiles(String host) {
        return hostVarFiles.getOrDefault(host, List.of());
    }
}
