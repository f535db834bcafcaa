package mesoslab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import mesoslab.output.CheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mesoslab verify}: the end-to-end checks (playbooks/verify.yml) as a report. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Prove the lab works: run playbooks/verify.yml and report every check with its evidence.",
            "",
            "Prints a table; writes report.json and junit.xml to the --report folder. Exit code 5 when a check fails."})
final class VerifyCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    InventoryOption inventoryOption = new InventoryOption();

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--report", paramLabel = "DIR", description = "Where to write report.json and junit.xml (default: .mesoslab/report).")
    Path report;

    @Spec
    CommandSpec spec;

    VerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return verify(context, inventoryOption.resolve(context.home()), report, spec, connection.settings(context.prompt()));
    }

    /** Shared with {@code up}: runs the checks, prints the table, writes the files, returns the exit code. */
    static int verify(CliContext context, Path inventory, Path reportDir, CommandSpec spec, SshSettings ssh) {
        CheckReport report = new CheckReport();
        MesoslabCommand root = (MesoslabCommand) spec.root().userObject();
        new PlaybookSession(context, inventory, spec.commandLine().getOut(), root.verbose.length, ssh).run("verify.yml", List.of(), report);
        report.printTable(spec.commandLine().getOut());
        Path dir = reportDir != null ? reportDir : context.home().root().resolve(".mesoslab").resolve("report");
        report.write(dir);
        spec.commandLine().getOut().println("report: " + dir.resolve("report.json") + ", " + dir.resolve("junit.xml"));
        spec.commandLine().getOut().flush();
        return report.allPassed() ? ExitCodes.OK : ExitCodes.VERIFY_FAILED;
    }
}
