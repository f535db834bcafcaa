package mesoslab.inventory;

import mesoslab.common.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.common.SourceLocation;

/**
 * An inventory group. Children and hosts keep the order in which the inventory named them;
 * {@link #depth()} is the longest path from {@code all} (Ansible's rule), used to order group
 * variables: deeper groups win.
 */
public final class Group {
    private final String name;
    private final SourceLocation location;
    private final Map<String, Var> vars = new LinkedHashMap<>();
    private final List<Group> children = new ArrayList<>();
    private final List<Group> parents = new ArrayList<>();
    private final List<Host> hosts = new ArrayList<>();
    private int depth;
    private int priority = 1;
    private Object priorityWritten;

    Group(String name, SourceLocation location) {
        this.name = name;
        this.location = location;
    }

    public String name() {
        return name;
    }

    /** Where the group was first named. */
    public SourceLocation location() {
        return location;
    }

    /** Variables written for this group in the inventory file(s) (not group_vars/ files). */
    public Map<String, Var> vars() {
        return Collections.unmodifiableMap(vars);
    }

    public List<Group> children() {
        return Collections.unmodifiableList(children);
    }

    public List<Group> parents() {
        return Collections.unmodifiableList(parents);
    }

    /** Hosts named directly in this group. */
    public List<Host> hosts() {
        return Collections.unmodifiableList(hosts);
    }

    public int depth() {
        return depth;
    }

    /** {@code ansible_group_priority}: among groups of equal depth, the higher priority wins. */
    public int priority() {
        return priority;
    }

    /**
     * Every host of this group and of its descendants, de-duplicated, in Ansible's order: own
     * hosts first, then each level of descendants in turn.
     */
    public List<Host> allHosts() {
        Set<Host> seen = new LinkedHashSet<>();
        for (Group group : descendants(true)) {
            seen.addAll(group.hosts);
        }
        return new ArrayList<>(seen);
    }

    /** This group (optionally) and every group below it, breadth-first, each once. */
    public List<Group> descendants(boolean includeSelf) {
        List<Group> ordered = new ArrayList<>();
        Set<Group> seen = new LinkedHashSet<>();
        Deque<Group> queue = new ArrayDeque<>();
        if (includeSelf) {
            seen.add(this);
            ordered.add(this);
        }
        for (Group child : children) {
            if (seen.add(child)) {
                ordered.add(child);
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            for (Group child : queue.poll().children) {
                if (seen.add(child)) {
                    ordered.add(child);
                    queue.add(child);
                }
            }
        }
        return ordered;
    }

    /** Every group above this one. */
    public Set<Group> ancestors() {
        Set<Group> result = new LinkedHashSet<>();
        Deque<Group> queue = new ArrayDeque<>(parents);
        while (!queue.isEmpty()) {
            Group g = queue.poll();
            if (result.add(g)) {
                queue.addAll(g.parents);
            }
        }
        return result;
    }

    void setVar(String key, Var value) {
        vars.put(key, value);
    }

    void setPriority(int priority, Object asWritten) {
        this.priority = priority;
        this.priorityWritten = asWritten;
    }

    /** {@code ansible_group_priority} as the inventory wrote it, or null. */
    public Object priorityWritten() {
        return priorityWritten;
    }

    void addHost(Host host) {
        if (!hosts.contains(host)) {
            hosts.add(host);
            host.addGroup(this);
        }
    }

    void removeHost(Host host) {
        hosts.remove(host);
        host.removeGroup(this);
    }

    /** Returns false when {@code child} is already a child. Cycles are refused by the caller. */
    boolean addChild(Group child) {
        if (children.contains(child)) {
            return false;
        }
        children.add(child);
        child.parents.add(this);
        child.raiseDepth(depth + 1);
        return true;
    }

    private void raiseDepth(int atLeast) {
        if (atLeast > depth) {
            depth = atLeast;
            for (Group child : children) {
                child.raiseDepth(depth + 1);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
