package mesoslab.inventory;

import mesoslab.common.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.common.SourceLocation;

/** An inventory host: its name, the variables written for it, and the groups it is in. */
public final class Host {
    private final String name;
    private final SourceLocation location;
    private final Map<String, Var> vars = new LinkedHashMap<>();
    private final List<Group> groups = new ArrayList<>();

    Host(String name, SourceLocation location) {
        this.name = name;
        this.location = location;
    }

    public String name() {
        return name;
    }

    /** Where the host was first named. */
    public SourceLocation location() {
        return location;
    }

    /** Variables written for this host in the inventory file(s) (not host_vars/ files). */
    public Map<String, Var> vars() {
        return Collections.unmodifiableMap(vars);
    }

    /** Groups that name this host directly. */
    public List<Group> directGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** Every group the host is in, directly or through a parent, {@code all} included. */
    public Set<Group> allGroups() {
        Set<Group> result = new LinkedHashSet<>();
        for (Group g : groups) {
            result.add(g);
            result.addAll(g.ancestors());
        }
        return result;
    }

    void setVar(String key, Var value) {
        vars.put(key, value);
    }

    void addGroup(Group group) {
        if (!groups.contains(group)) {
            groups.add(group);
        }
    }

    void removeGroup(Group group) {
        groups.remove(group);
    }

    @Override
    public String toString() {
        return name;
    }
}
