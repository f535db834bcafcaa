package mesoslab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import mesoslab.common.InvalidInputException;
import mesoslab.common.Secret;
import mesoslab.common.Suggestions;
import mesoslab.inventory.Host;
import mesoslab.inventory.Inventory;
import mesoslab.inventory.InventoryLoader;
import mesoslab.plan.HostScope;
import mesoslab.plan.Planner;
import mesoslab.plan.ProjectPaths;
import mesoslab.template.Expressions;
import mesoslab.vars.ExtraVars;
import mesoslab.vars.MagicVars;
import mesoslab.vars.PythonRepr;
import mesoslab.vars.VarStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mesoslab explain VAR --host NAME}: a variable's value and every place that sets it. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Show where a variable's value comes from for one host.",
            "",
            "The winning value comes first, then every other layer that sets it.",
            "Precedence, low to high: playbook defaults < inventory vars of group all",
            "< inventory group vars (parent < child; equal depth: ansible_group_priority, then name)",
            "< group_vars/all < group_vars files (same order) < inventory host vars < host_vars < play vars < vars_files",
            "< set_fact/register < extra vars (-e)."})
final class ExplainCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "VAR", description = "The variable's name.")
    String variable;

    @Option(names = "--host", required = true, paramLabel = "NAME", description = "The host to explain it for.")
    String host;

    @Mixin
    InventoryOption inventoryOption = new InventoryOption();

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS", description = "Extra variables, as for 'run'.")
    List<String> extraVars = new java.util.ArrayList<>();

    @Spec
    CommandSpec spec;

    ExplainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Inventory inventory = InventoryLoader.load(inventoryOption.resolve(context.home()));
        Host target = InventoryOption.requireHost(inventory, host);
        ProjectPaths paths = new ProjectPaths(context.home().root().resolve("playbooks").toAbsolutePath(), context.home().root());
        HostScope scope = new HostScope(inventory, Planner.defaultsOf(paths), ExtraVars.parse(extraVars), new Expressions());
        VarStack stack = scope.base(target);
        PrintWriter out = spec.commandLine().getOut();
        if (MagicVars.NAMES.contains(variable)) {
            Object value = scope.flatten(stack, target, List.of()).get(variable);
            out.println(variable + " = " + (variable.equals("hostvars") ? "(every host's variables)" : PythonRepr.repr(value)));
            out.println("  set by mesoslab itself (a magic variable); it cannot be overridden");
            out.flush();
            return ExitCodes.OK;
        }
        List<VarStack.Setting> settings = stack.explain(variable);
        if (settings.isEmpty()) {
            Map<String, Object> all = stack.flatten();
            String suggestion = Suggestions.didYouMean(variable, all.keySet());
            throw new InvalidInputException(null, "variable '" + variable + "' is not set for host " + host
                    + (suggestion.isEmpty() ? "" : "; " + suggestion),
                    "Set it in the inventory (vars:, group_vars/, host_vars/) or with -e; play vars show only when the play runs");
        }
        boolean secret = SecretNames.looksSecret(variable);
        out.println(variable + " = " + (secret ? Secret.MASK : PythonRepr.repr(settings.get(0).var().value())));
        int i = 0;
        for (VarStack.Setting setting : settings) {
            String source = setting.layer().label().contains("/") ? setting.layer().level().description() : setting.layer().label();
            String where = setting.var().location() == null ? "command line" : setting.var().location().toString();
            String value = secret ? Secret.MASK : PythonRepr.repr(setting.var().value());
            out.println((i == 0 ? "  wins:        " : "  overridden:  ") + value + "  (" + source + ") " + where);
            i++;
        }
        out.flush();
        return ExitCodes.OK;
    }
}
