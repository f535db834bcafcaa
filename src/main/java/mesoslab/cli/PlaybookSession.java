package mesoslab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import mesoslab.events.RunListener;
import mesoslab.executor.PlaybookRunner;
import mesoslab.executor.RunOptions;
import mesoslab.executor.RunSummary;
import mesoslab.output.ConsoleReporter;
import mesoslab.plan.HostScope;
import mesoslab.plan.Plan;
import mesoslab.plan.PlanCheck;
import mesoslab.plan.Planner;
import mesoslab.plan.RunRequest;
import mesoslab.plan.TagFilter;
import mesoslab.template.Expressions;

/**
 * Runs one of mesoslab's own playbooks for the lab commands (up, verify, down, drill): plans and
 * checks it first (exit 2 before touching any host), then runs it with the console reporter plus
 * any extra listeners.
 */
final class PlaybookSession {
    private final CliContext context;
    private final Path inventory;
    private final PrintWriter out;
    private final int verbosity;
    private final SshSettings ssh;

    PlaybookSession(CliContext context, Path inventory, PrintWriter out, int verbosity, SshSettings ssh) {
        this.context = context;
        this.inventory = inventory;
        this.out = out;
        this.verbosity = verbosity;
        this.ssh = ssh;
    }

    RunSummary run(String playbook, List<String> extraVars, RunListener... extra) {
        RunRequest request = new RunRequest(context.home().playbook(playbook), inventory, null, TagFilter.ALL, extraVars,
                context.home().root(), context.home().builtins());
        RunListener console = new ConsoleReporter(out, Terminal.colour(context.env()), verbosity);
        RunListener[] all = new RunListener[extra.length + 1];
        all[0] = console;
        System.arraycopy(extra, 0, all, 1, extra.length);
        return run(checked(plan(request)), RunOptions.DEFAULT.withBecomePassword(ssh.becomePassword()), RunListener.all(all));
    }

    /** Loads and validates a request (exit 2 on any input mistake; no host touched). */
    static Plan plan(RunRequest request) {
        return new Planner(Wiring.catalog(Wiring.modules())).plan(request);
    }

    /** Evaluates every expression that can be checked before the run; returns the plan. */
    static Plan checked(Plan plan) {
        Expressions expressions = new Expressions();
        new PlanCheck(expressions).check(plan, new HostScope(plan.inventory(), plan.defaults(), plan.extraVars(), expressions));
        return plan;
    }

    RunSummary run(Plan plan, RunOptions options, RunListener listener) {
        return new PlaybookRunner(Wiring.modules(), Wiring.connector(ssh, agentSocket()), new Expressions()).run(plan, options, listener);
    }

    private java.nio.file.Path agentSocket() {
        String sock = context.env().get("SSH_AUTH_SOCK");
        return sock == null || sock.isBlank() ? null : java.nio.file.Path.of(sock);
    }

    static int exitCode(RunSummary summary) {
        return summary.anyUnreachable() ? ExitCodes.UNREACHABLE : summary.anyFailed() ? ExitCodes.TASK_FAILED : ExitCodes.OK;
    }
}
