package mesoslab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mesoslab down}: stop the lab's processes (playbooks/down.yml). */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = {"Stop every lab process mesoslab started (playbooks/down.yml).",
            "",
            "State (data, logs, configuration) is kept unless --purge is given."})
final class DownCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    InventoryOption inventoryOption = new InventoryOption();

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--purge", description = "Also remove the lab's data, logs and configuration.")
    boolean purge;

    @Spec
    CommandSpec spec;

    DownCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MesoslabCommand root = (MesoslabCommand) spec.root().userObject();
        return PlaybookSession.exitCode(new PlaybookSession(context, inventoryOption.resolve(context.home()),
                spec.commandLine().getOut(), root.verbose.length, connection.settings(context.prompt())).run("down.yml", List.of("{\"purge\": " + purge + "}")));
    }
}
