package mesoslab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import mesoslab.common.InvalidInputException;
import mesoslab.events.RunEvent;
import mesoslab.executor.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mesoslab drill NAME}: a failover drill (playbooks/drills/NAME.yml), its figures, then verify. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"Prove the lab survives a failure: break something on purpose, measure the recovery, verify.",
            "",
            "zookeeper-leader: kill the ZooKeeper leader (SIGKILL), measure the time until a new leader serves",
            "writes, start the old member again, verify.",
            "mesos-leader: kill the leading Mesos master (SIGKILL), measure the time until another master leads",
            "(named by ZooKeeper, confirmed by its own state), start the old one again, verify.",
            "(marathon-leader and task come with those components.)"})
final class DrillCommand implements Callable<Integer> {
    /** Each drill's playbook task names and words: the failover and recovery tasks, and what "recovered" means. */
    private record Drill(String failoverTask, String recoveredTask, String recovered, String component) {}

    private static final Map<String, Drill> DRILLS = new java.util.LinkedHashMap<>();

    static {
        DRILLS.put("zookeeper-leader", new Drill("a new leader serves writes", "the quorum is healthy again", "new leader served writes",
                "the ZooKeeper quorum"));
        DRILLS.put("mesos-leader", new Drill("a new leader is elected", "the cluster is healthy again", "new leader elected",
                "the Mesos cluster"));
    }

    private static final List<String> AVAILABLE = List.copyOf(DRILLS.keySet());
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "DRILL", description = "zookeeper-leader or mesos-leader")
    String drill;

    @Mixin
    InventoryOption inventoryOption = new InventoryOption();

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--report", paramLabel = "DIR", description = "Where the verify report goes (default: .mesoslab/report).")
    Path report;

    @Spec
    CommandSpec spec;

    DrillCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!AVAILABLE.contains(drill)) {
            String suggestion = mesoslab.common.Suggestions.didYouMean(drill, AVAILABLE);
            throw new InvalidInputException(null, "unknown drill '" + drill + "'" + (suggestion.isEmpty() ? "" : "; " + suggestion),
                    "Available: " + String.join(", ", AVAILABLE) + " (marathon-leader and task arrive with those components)");
        }
        Path inventory = inventoryOption.resolve(context.home());
        PrintWriter out = spec.commandLine().getOut();
        MesoslabCommand root = (MesoslabCommand) spec.root().userObject();
        SshSettings ssh = connection.settings(context.prompt());
        Map<String, Map<String, Object>> results = new ConcurrentHashMap<>();
        RunSummary summary = new PlaybookSession(context, inventory, out, root.verbose.length, ssh).run("drills/" + drill + ".yml", List.of(),
                event -> {
                    if (event instanceof RunEvent.HostDone done) {
                        results.putIfAbsent(done.task(), done.result());
                    }
                });
        int code = PlaybookSession.exitCode(summary);
        Map<String, Object> before = results.getOrDefault("find the leader", Map.of());
        Drill words = DRILLS.get(drill);
        Map<String, Object> failover = results.getOrDefault(words.failoverTask(), Map.of());
        Map<String, Object> after = results.getOrDefault(words.recoveredTask(), Map.of());
        out.println();
        out.println("DRILL " + drill);
        if (failover.isEmpty() || Boolean.TRUE.equals(before.get("failed"))) {
            out.println("  not completed: " + (Boolean.TRUE.equals(before.get("failed"))
                    ? words.component() + " was not healthy before the drill (run 'mesoslab up' first)" : "see the failed task above"));
            out.flush();
            return code == ExitCodes.OK ? ExitCodes.TASK_FAILED : code;
        }
        line(out, "killed leader", before.getOrDefault("leader", "?"));
        line(out, "new leader", failover.getOrDefault("leader", "?"));
        line(out, words.recovered(), failover.getOrDefault("elapsed_seconds", "?") + " s after the kill");
        line(out, "healthy again", after.getOrDefault("elapsed_seconds", "?") + " s after the restart");
        out.flush();
        if (code != ExitCodes.OK) {
            return code;
        }
        return VerifyCommand.verify(context, inventory, report, spec, ssh);
    }

    private static void line(PrintWriter out, String label, Object value) {
        out.println(String.format("  %-25s %s", label + ":", value));
    }
}
