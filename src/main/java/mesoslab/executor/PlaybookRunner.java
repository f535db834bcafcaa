package mesoslab.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mesoslab.events.RunEvent;
import mesoslab.events.RunListener;
import mesoslab.inventory.Host;
import mesoslab.module.ModuleRegistry;
import mesoslab.plan.Plan;
import mesoslab.plan.PlannedPlay;
import mesoslab.template.Expressions;

/**
 * Runs a validated plan: plays in order, each in serial batches, tasks by the play's strategy
 * over at most {@code forks} hosts at a time, handlers at the end of each batch. A host that
 * fails or becomes unreachable leaves the run; the others go on. One connection per host for the
 * whole run, closed at the end.
 */
public final class PlaybookRunner {
    private final ModuleRegistry modules;
    private final Connector connector;
    private final Expressions expressions;

    public PlaybookRunner(ModuleRegistry modules, Connector connector, Expressions expressions) {
        this.modules = modules;
        this.connector = connector;
        this.expressions = expressions;
    }

    public RunSummary run(Plan plan, RunOptions options, RunListener listener) {
        long started = System.nanoTime();
        RunContext run = new RunContext(plan, modules, expressions, connector, options, listener);
        listener.on(new RunEvent.PlaybookStarted(plan.playbook().file().getFileName().toString(), options.check()));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.forks()), r -> {
            Thread t = new Thread(r, "mesoslab-fork");
            t.setDaemon(true);
            return t;
        });
        StartAt startAt = new StartAt(options.startAtTask());
        try {
            for (PlannedPlay play : plan.plays()) {
                new PlayRunner(run, pool, startAt).run(play);
            }
        } finally {
            pool.shutdownNow();
            closeConnections(run);
        }
        Map<String, mesoslab.events.HostStats> stats = new TreeMap<>(run.stats);
        for (PlannedPlay play : plan.plays()) {
            for (Host host : play.hosts()) {
                stats.putIfAbsent(host.name(), mesoslab.events.HostStats.ZERO);
            }
        }
        listener.on(new RunEvent.PlaybookFinished(stats, (System.nanoTime() - started) / 1_000_000));
        return new RunSummary(stats);
    }

    private static void closeConnections(RunContext run) {
        // A connection that fails to close is not worth failing the run for: its work is done.
        List<RuntimeException> problems = new ArrayList<>();
        for (HostRun host : run.hosts.values()) {
            if (host.connection != null) {
                try {
                    host.connection.close();
                } catch (RuntimeException e) {
                    problems.add(e);
                }
            }
        }
        run.delegateConnections().forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException e) {
                problems.add(e);
            }
        });
    }

    /** --start-at-task: tasks are skipped until one with this name comes up, then everything runs. */
    static final class StartAt {
        private volatile String name;

        StartAt(String name) {
            this.name = name;
        }

        boolean skip(String taskName) {
            if (name == null) {
                return false;
            }
            if (name.equals(taskName)) {
                name = null;
                return false;
            }
            return true;
        }
    }
}
