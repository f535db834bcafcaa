package mesoslab.executor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import mesoslab.common.InvalidInputException;
import mesoslab.common.MesoslabException;
import mesoslab.events.Outcome;
import mesoslab.events.RunEvent;
import mesoslab.inventory.Host;
import mesoslab.plan.PlannedPlay;
import mesoslab.playbook.PlaybookLoader;
import mesoslab.playbook.Task;
import mesoslab.template.ExpressionContext;

/** One play: its serial batches, the strategy's task order, handlers, include_tasks and meta. */
final class PlayRunner {
    private final RunContext run;
    private final ExecutorService pool;
    private final PlaybookRunner.StartAt startAt;
    private final TaskRunner tasks;

    PlayRunner(RunContext run, ExecutorService pool, PlaybookRunner.StartAt startAt) {
        this.run = run;
        this.pool = pool;
        this.startAt = startAt;
        this.tasks = new TaskRunner(run);
    }

    void run(PlannedPlay play) {
        List<HostRun> hosts = new ArrayList<>();
        for (Host host : play.hosts()) {
            HostRun h = run.host(host);
            if (h.active()) {
                hosts.add(h);
            }
        }
        List<String> names = hosts.stream().map(h -> h.host.name()).toList();
        run.listener.on(new RunEvent.PlayStarted(play.play().displayName(), names));
        int done = 0;
        for (int size : play.play().serial().batches(hosts.size())) {
            List<HostRun> batch = hosts.subList(done, done + size);
            done += size;
            List<String> batchNames = batch.stream().map(h -> h.host.name()).toList();
            for (HostRun h : batch) {
                h.playStack = run.scope.forPlay(h.host, play.play(), batchNames);
                h.play = play.play();
                h.notified.clear();
            }
            if ("free".equals(play.play().strategy())) {
                free(play, batch, batchNames);
            } else {
                linear(play, batch, batchNames);
            }
            handlers(play, batch, batchNames);
            if (size > 0 && batch.stream().noneMatch(HostRun::active) && done < hosts.size()) {
                // A whole batch failed: stop here rather than take the next hosts down the same way
                // (a rolling restart must not go on breaking members), as Ansible does.
                return;
            }
        }
    }

    private void linear(PlannedPlay play, List<HostRun> batch, List<String> playHosts) {
        for (Task task : play.tasks()) {
            if (startAt.skip(task.displayName())) {
                continue;
            }
            List<HostRun> active = batch.stream().filter(HostRun::active).toList();
            if (active.isEmpty()) {
                return;
            }
            run.listener.on(new RunEvent.TaskStarted(title(task, active.get(0), playHosts), task.location().toString(), false));
            if (task.module().equals("meta")) {
                meta(task, play, batch, playHosts);
                continue;
            }
            if (Boolean.TRUE.equals(task.runOnce())) {
                runOnce(task, active, playHosts);
                continue;
            }
            all(active, h -> step(task, h, playHosts, play));
        }
    }

    /** The task's name with its {{ }} rendered for the first host (as written when that fails). */
    private String title(Task task, HostRun host, List<String> playHosts) {
        if (task.name() == null || !task.name().contains("{{")) {
            return task.displayName();
        }
        try {
            return String.valueOf(run.expressions.render(task.name(), run.vars(host, playHosts),
                    new ExpressionContext(task.location(), false, host.host.name())));
        } catch (RuntimeException e) {
            return task.displayName();
        }
    }

    private void free(PlannedPlay play, List<HostRun> batch, List<String> playHosts) {
        List<Task> selected = play.tasks().stream().filter(t -> !startAt.skip(t.displayName())).toList();
        all(batch, h -> {
            for (Task task : selected) {
                if (!h.active()) {
                    return;
                }
                run.listener.on(new RunEvent.TaskStarted(task.displayName(), task.location().toString(), false));
                if (!task.module().equals("meta")) {
                    step(task, h, playHosts, play);
                }
            }
        });
    }

    /** One task on one host, expanding include_tasks in place for that host. */
    private void step(Task task, HostRun host, List<String> playHosts, PlannedPlay play) {
        if (!task.module().equals("include_tasks")) {
            tasks.run(task, host, playHosts);
            return;
        }
        for (Task included : include(task, host, playHosts, play)) {
            if (!host.active()) {
                return;
            }
            step(included, host, playHosts, play);
        }
    }

    private List<Task> include(Task task, HostRun host, List<String> playHosts, PlannedPlay play) {
        Object file = task.args().containsKey("file") ? task.args().get("file") : task.args().get("_raw_params");
        Object rendered = run.expressions.render(String.valueOf(file), run.vars(host, playHosts),
                new ExpressionContext(task.location(), false, host.host.name()));
        Path path = task.file().getParent().resolve(String.valueOf(rendered));
        try {
            List<Task> included = new PlaybookLoader(run.modules).loadTasks(path, play.play().file().getParent());
            run.count(host.host.name(), Outcome.OK);
            return included.stream().map(t -> t).toList();
        } catch (InvalidInputException e) {
            run.count(host.host.name(), Outcome.FAILED);
            host.failed = true;
            run.listener.on(new RunEvent.HostDone(host.host.name(), task.displayName(), task.location().toString(), Outcome.FAILED,
                    null, java.util.Map.of("failed", true, "msg", e.paragraph()), null, false, List.of()));
            return List.of();
        }
    }

    private void runOnce(Task task, List<HostRun> active, List<String> playHosts) {
        HostRun first = active.get(0);
        tasks.run(task, first, playHosts);
        if (task.register() != null && first.facts.containsKey(task.register())) {
            Object value = first.facts.get(task.register()).value();
            active.forEach(h -> h.setFact(task.register(), value));
        }
        if (first.failed) {
            active.forEach(h -> h.failed = true);
        }
    }

    private void meta(Task task, PlannedPlay play, List<HostRun> batch, List<String> playHosts) {
        String action = String.valueOf(task.args().get("_raw_params"));
        switch (action.strip()) {
            case "flush_handlers" -> handlers(play, batch, playHosts);
            case "noop" -> { }
            default -> throw new InvalidInputException(task.location(), "unknown meta action '" + action + "'",
                    "mesoslab supports 'meta: flush_handlers' and 'meta: noop'");
        }
    }

    /** Notified handlers, in definition order, each once per host that notified it. */
    private void handlers(PlannedPlay play, List<HostRun> batch, List<String> playHosts) {
        for (Task handler : play.handlers()) {
            List<HostRun> notified = batch.stream()
                    .filter(HostRun::active)
                    .filter(h -> h.notified.contains(handler.name()) || handler.listen().stream().anyMatch(h.notified::contains))
                    .toList();
            if (notified.isEmpty()) {
                continue;
            }
            run.listener.on(new RunEvent.TaskStarted(handler.displayName(), handler.location().toString(), true));
            all(notified, h -> tasks.run(handler, h, playHosts));
        }
        batch.forEach(h -> h.notified.clear());
    }

    /** Runs {@code work} for every host on the fork pool and waits for all of them. */
    private void all(List<HostRun> hosts, java.util.function.Consumer<HostRun> work) {
        List<Future<?>> futures = new ArrayList<>();
        for (HostRun host : hosts) {
            futures.add(pool.submit(() -> work.accept(host)));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("run interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof MesoslabException m) {
                    throw m;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
