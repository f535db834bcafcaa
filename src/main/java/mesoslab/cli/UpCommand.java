package mesoslab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import mesoslab.executor.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mesoslab up}: provision everything (playbooks/site.yml), then verify. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Bring up the lab: run playbooks/site.yml on the inventory, then verify it.",
            "",
            "Without -i this is the embedded lab on this machine (inventories/local): a real ZooKeeper quorum",
            "on 127.77.0.11-13, state under .mesoslab/local/. Running it again changes nothing (changed=0)."})
final class UpCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    InventoryOption inventoryOption = new InventoryOption();

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--no-verify", description = "Provision only; skip the checks.")
    boolean noVerify;

    @Option(names = "--report", paramLabel = "DIR", description = "Where the verify report goes (default: .mesoslab/report).")
    Path report;

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS", description = "Extra variables, as for 'run'.")
    List<String> extraVars = new java.util.ArrayList<>();

    @Spec
    CommandSpec spec;

    UpCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path inventory = inventoryOption.resolve(context.home());
        MesoslabCommand root = (MesoslabCommand) spec.root().userObject();
        SshSettings ssh = connection.settings(context.prompt());
        RunSummary summary = new PlaybookSession(context, inventory, spec.commandLine().getOut(), root.verbose.length, ssh)
                .run("site.yml", extraVars);
        int code = PlaybookSession.exitCode(summary);
        if (code != ExitCodes.OK || noVerify) {
            return code;
        }
        int verified = VerifyCommand.verify(context, inventory, report, spec, ssh);
        if (verified == ExitCodes.OK) {
            var out = spec.commandLine().getOut();
            out.println();
            out.println("The lab is up (" + summary.changed() + " changes). Next: 'mesoslab verify' any time, "
                    + "'mesoslab drill zookeeper-leader' or 'mesos-leader' to prove failover, 'mesoslab down' to stop it.");
            out.flush();
        }
        return verified;
    }
}
