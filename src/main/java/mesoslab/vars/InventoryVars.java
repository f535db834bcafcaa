package mesoslab.vars;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import mesoslab.inventory.Group;
import mesoslab.inventory.Host;
import mesoslab.inventory.Inventory;
import mesoslab.inventory.VarFile;

/**
 * The layers an inventory contributes to one host, in Ansible's order: the inventory file's vars
 * of group {@code all}, then of the host's other groups by depth, priority and name; then
 * {@code group_vars/all}, then the other groups' {@code group_vars/} files in the same order;
 * then the host's own inventory vars and its {@code host_vars/} files.
 */
public final class InventoryVars {
    private InventoryVars() {}

    /** Ansible's group order for variables: shallow first, then lower priority, then name. */
    public static final Comparator<Group> GROUP_ORDER =
            Comparator.comparingInt(Group::depth).thenComparingInt(Group::priority).thenComparing(Group::name);

    public static List<VarLayer> layers(Inventory inventory, Host host) {
        List<VarLayer> layers = new ArrayList<>();
        Group all = inventory.all();
        layers.add(new VarLayer(Precedence.INVENTORY_ALL, "group all (inventory)", all.vars()));
        List<Group> groups = host.allGroups().stream().filter(g -> g != all).sorted(GROUP_ORDER).toList();
        for (Group group : groups) {
            layers.add(new VarLayer(Precedence.INVENTORY_GROUP, "group " + group.name() + " (inventory)", group.vars()));
        }
        for (VarFile file : inventory.groupVarFiles("all")) {
            layers.add(new VarLayer(Precedence.GROUP_VARS_ALL, file.path().toString(), file.vars()));
        }
        for (Group group : groups) {
            for (VarFile file : inventory.groupVarFiles(group.name())) {
                layers.add(new VarLayer(Precedence.GROUP_VARS, file.path().toString(), file.vars()));
            }
        }
        layers.add(new VarLayer(Precedence.INVENTORY_HOST, "host " + host.name() + " (inventory)", host.vars()));
        for (VarFile file : inventory.hostVarFiles(host.name())) {
            layers.add(new VarLayer(Precedence.HOST_VARS, file.path().toString(), file.vars()));
        }
        return layers;
    }

    /** The host's variables as the inventory alone defines them. */
    public static VarStack stack(Inventory inventory, Host host) {
        return new VarStack(layers(inventory, host));
    }
}
