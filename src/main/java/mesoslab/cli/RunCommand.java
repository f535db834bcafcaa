package mesoslab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import mesoslab.executor.RunOptions;
import mesoslab.executor.RunSummary;
import mesoslab.events.RunListener;
import mesoslab.output.ConsoleReporter;
import mesoslab.output.JUnitReporter;
import mesoslab.output.JsonReporter;
import mesoslab.plan.Plan;
import mesoslab.plan.RunRequest;
import mesoslab.plan.TagFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mesoslab run PLAYBOOK}: validates a playbook against an inventory and lists or runs it. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a playbook against the inventory.",
            "",
            "Playbooks use Ansible's keywords; expressions are Freemarker ({{ zk_port }}, when: x == 1).",
            "Everything is loaded and checked first: a mistake in the inventory, the playbook, a template or an expression",
            "stops the run with exit code 2 before any host is touched.",
            "PLAYBOOK is a path, or a name under playbooks/ (e.g. site.yml)."})
final class RunCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PLAYBOOK", description = "The playbook file.")
    String playbook;

    @Mixin
    InventoryOption inventoryOption = new InventoryOption();

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN",
            description = "Only hosts matching this pattern (Ansible's grammar: a:b, a:&b, a:!b, ~regex, group[0], @file).")
    String limit;

    @Option(names = {"-t", "--tags"}, paramLabel = "TAGS", split = ",", description = "Only tasks with these tags.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--skip-tags", paramLabel = "TAGS", split = ",", description = "Skip tasks with these tags.")
    List<String> skipTags = new ArrayList<>();

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
            description = "Extra variables, highest precedence: k=v, '{\"k\": 1}' or @file.yml. Repeatable.")
    List<String> extraVars = new ArrayList<>();

    @Option(names = {"-f", "--forks"}, paramLabel = "N", defaultValue = "20",
            description = "How many hosts work at once (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = {"-C", "--check"}, description = "Change nothing; report what would change.")
    boolean check;

    @Option(names = {"-D", "--diff"}, description = "Show the changes made to files.")
    boolean diff;

    @Option(names = "--start-at-task", paramLabel = "NAME", description = "Skip the tasks before the first one with this name.")
    String startAtTask;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--output", paramLabel = "FORMAT", description = "'console' (default) or 'json': the whole run as one JSON document on stdout.")
    String output = "console";

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the run as JUnit XML (a test case per task and host).")
    Path junit;

    @Option(names = "--retry-file", paramLabel = "FILE",
            description = "Write the names of failed and unreachable hosts to FILE (use it later with -l @FILE).")
    Path retryFile;

    @Option(names = "--syntax-check", description = "Check the playbook, then stop.")
    boolean syntaxCheck;

    @Option(names = "--list-hosts", description = "List each play's hosts, then stop.")
    boolean listHosts;

    @Option(names = "--list-tasks", description = "List each play's tasks, then stop.")
    boolean listTasks;

    @Option(names = "--list-tags", description = "List each play's tags, then stop.")
    boolean listTags;

    @Spec
    CommandSpec spec;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RunRequest request = new RunRequest(context.home().playbook(playbook), inventoryOption.resolve(context.home()), limit,
                new TagFilter(new LinkedHashSet<>(tags), new LinkedHashSet<>(skipTags)), extraVars, context.home().root(),
                context.home().builtins());
        Plan plan = PlaybookSession.plan(request);
        PrintWriter out = spec.commandLine().getOut();
        PlaybookListing listing = new PlaybookListing(out, playbook);
        if (syntaxCheck) {
            PlaybookSession.checked(plan);
            listing.syntaxCheck();
            return ExitCodes.OK;
        }
        if (listHosts || listTasks || listTags) {
            listing.list(plan, listHosts, listTasks, listTags);
            return ExitCodes.OK;
        }
        if (forks < 1) {
            throw new mesoslab.common.InvalidInputException(null, "--forks must be at least 1, not " + forks, "Use e.g. -f 20");
        }
        MesoslabCommand root = (MesoslabCommand) spec.root().userObject();
        PlaybookSession.checked(plan);
        SshSettings ssh = connection.settings(context.prompt());
        RunSummary summary = new PlaybookSession(context, request.inventory(), out, root.verbose.length, ssh)
                .run(plan, new RunOptions(forks, check, diff, startAtTask, ssh.becomePassword()), reporters(out));
        if (retryFile != null) {
            RetryFile.write(retryFile, summary);
        }
        return PlaybookSession.exitCode(summary);
    }

    private RunListener reporters(PrintWriter out) {
        List<RunListener> listeners = new ArrayList<>();
        switch (output) {
            case "console" -> {
                MesoslabCommand root = (MesoslabCommand) spec.root().userObject();
                listeners.add(new ConsoleReporter(out, Terminal.colour(context.env()), root.verbose.length));
            }
            case "json" -> listeners.add(new JsonReporter(out));
            default -> throw new mesoslab.common.InvalidInputException(null, "unknown --output format '" + output + "'",
                    "Use --output console or --output json");
        }
        if (junit != null) {
            listeners.add(new JUnitReporter(junit));
        }
        return RunListener.all(listeners.toArray(RunListener[]::new));
    }

}
