package mesoslab.plan;

import java.util.List;
import mesoslab.inventory.Inventory;
import mesoslab.playbook.Playbook;
import mesoslab.vars.VarLayer;

/** A loaded, validated run: the inventory, the playbook, the plays with their hosts and tasks. */
public record Plan(Inventory inventory, Playbook playbook, List<PlannedPlay> plays, VarLayer extraVars,
                   List<VarLayer> defaults, ProjectPaths paths) {}
