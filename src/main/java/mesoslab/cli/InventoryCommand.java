package mesoslab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import mesoslab.common.InvalidInputException;
import mesoslab.common.Suggestions;
import mesoslab.inventory.Host;
import mesoslab.inventory.Inventory;
import mesoslab.inventory.InventoryLoader;
import mesoslab.vars.InventoryExport;
import mesoslab.vars.PythonJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mesoslab inventory}: shows the inventory in ansible-inventory's shapes. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = {"Show the inventory as mesoslab reads it (same shapes as ansible-inventory).",
            "",
            "--list prints JSON (groups, their hosts and children, and _meta.hostvars with each host's resolved variables),",
            "--host prints one host's variables, --graph draws the group tree."})
final class InventoryCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    InventoryOption inventoryOption = new InventoryOption();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--list", description = "All groups and hosts as JSON.")
        boolean list;
        @Option(names = "--host", paramLabel = "NAME", description = "One host's variables as JSON.")
        String host;
        @Option(names = "--graph", description = "The group tree.")
        boolean graph;
    }

    @Option(names = "--vars", description = "With --graph: show variables too.")
    boolean vars;

    @Parameters(index = "0", arity = "0..1", paramLabel = "GROUP", description = "With --graph: the group to start from (default: all).")
    String group;

    @Spec
    CommandSpec spec;

    InventoryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Inventory inventory = InventoryLoader.load(inventoryOption.resolve(context.home()));
        InventoryExport export = new InventoryExport(inventory);
        PrintWriter out = spec.commandLine().getOut();
        if (action.list) {
            out.println(PythonJson.write(export.list()));
        } else if (action.host != null) {
            Host host = InventoryOption.requireHost(inventory, action.host);
            out.println(PythonJson.write(export.hostVars(host)));
        } else {
            String start = group == null ? "all" : group;
            if (inventory.group(start) == null) {
                throw new InvalidInputException(null, "group '" + start + "' is not in the inventory",
                        "Run 'mesoslab inventory --graph' to see the groups");
            }
            export.graph(start, vars).forEach(out::println);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
