package mesoslab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code mesoslab} command: global options and the list of subcommands. */
@Command(name = "mesoslab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Stands up a Mesos/Marathon lab fronted by an F5 BIG-IP from a YAML inventory, Ansible-style, and proves it works.",
            "",
            "Inventories use Ansible's YAML format; playbooks use Ansible's keywords with Freemarker expressions ({{ expr }}).",
            "Without -i every command uses inventories/local, the embedded lab on this machine."},
        subcommands = {UpCommand.class, VerifyCommand.class, DownCommand.class, DrillCommand.class, RunCommand.class,
            InventoryCommand.class, ExplainCommand.class},
        footer = {"", "Exit codes: 0 ok, 2 invalid input (nothing was changed), 3 a task failed,",
            "4 a host was unreachable, 5 verification failed, 70 internal error.",
            "Run 'mesoslab COMMAND --help' for a command's options."})
final class MesoslabCommand implements Runnable {
    @Option(names = {"-v", "--verbose"}, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "More output; -vv adds stack traces to errors.")
    boolean[] verbose = new boolean[0];

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
