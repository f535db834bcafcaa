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
            "writes, start the old member again, verify. (mesos-leader, marathon-leader and task come with those components.)"})
final class DrillCommand implements Callable<Integer> {
    private static final List<String> AVAILABLE = List.of("zookeeper-leader");
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "DRILL", description = "zookeeper-leader")
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
            throw new InvalidInputException(null, "unknown drill '" + drill + "'",
                    "Available: " + String.join(", ", AVAILABLE) + " (mesos-leader, marathon-leader and task arrive with those components)");
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
        Map<String, Object> failover = results.getOrDefault("a new leader serves writes", Map.of());
        Map<String, Object> after = results.getOrDefault("the quorum is healthy again", Map.of());
        out.println();
        out.println("DRILL zookeeper-leader");
        if (failover.isEmpty() || Boolean.TRUE.equals(before.get("failed"))) {
            out.println("  not completed: " + (Boolean.TRUE.equals(before.get("failed"))
                    ? "the quorum was not healthy before the drill (run 'mesoslab up' first)" : "see the failed task above"));
            out.flush();
            return code == ExitCodes.OK ? ExitCodes.TASK_FAILED : code;
        }
        out.println("  killed leader:            " + before.getOrDefault("leader", "?"));
        out.println("  new leader:               " + failover.getOrDefault("leader", "?"));
        out.println("  new leader served writes: " + failover.getOrDefault("elapsed_seconds", "?") + " s after the kill");
        out.println("  healthy again:            " + after.getOrDefault("elapsed_seconds", "?") + " s after the restart");
        out.flush();
        if (code != ExitCodes.OK) {
            return code;
        }
        return VerifyCommand.verify(context, inventory, report, spec, ssh);
    }
}
