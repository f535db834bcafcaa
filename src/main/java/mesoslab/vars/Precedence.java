package mesoslab.vars;

/**
 * Where a variable can be set, lowest precedence first. A later level overrides an earlier one
 * wholesale (no deep merge of mappings), as Ansible's default {@code hash_behaviour=replace}.
 * As in Ansible, every variable written inside the inventory file for a group loses to every
 * {@code group_vars/} file, {@code group_vars/all} included.
 * Within a level, groups are ordered by depth (a child beats its parent), then
 * {@code ansible_group_priority}, then name — exactly Ansible's order.
 */
public enum Precedence {
    DEFAULTS("playbook defaults (playbooks/defaults/)"),
    INVENTORY_ALL("inventory vars of group all"),
    INVENTORY_GROUP("inventory group vars"),
    GROUP_VARS_ALL("group_vars/all"),
    GROUP_VARS("group_vars/ files"),
    INVENTORY_HOST("inventory host vars"),
    HOST_VARS("host_vars/ files"),
    PLAY_VARS("play vars"),
    PLAY_VARS_FILES("play vars_files"),
    TASK_VARS("task vars"),
    FACTS("set_fact / register"),
    EXTRA_VARS("extra vars (-e)");

    private final String description;

    Precedence(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
