package mesoslab.executor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoslab.common.MesoslabException;
import mesoslab.events.Outcome;
import mesoslab.events.RunEvent;
import mesoslab.module.Module;
import mesoslab.module.ModuleArgumentException;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.playbook.Condition;
import mesoslab.playbook.Task;
import mesoslab.template.ExpressionContext;
import mesoslab.template.TemplateError;
import mesoslab.template.TemplatedVars;

/**
 * Runs one task on one host: conditions, loop, retries, the module call, changed_when and
 * failed_when, register, notify. Reports each result as an event and returns the task's outcome.
 */
final class TaskRunner {
    private static final Object NO_LOOP = new Object();
    private final RunContext run;

    TaskRunner(RunContext run) {
        this.run = run;
    }

    Outcome run(Task task, HostRun host, List<String> playHosts) {
        Map<String, Object> vars = run.vars(host, playHosts);
        ExpressionContext at = new ExpressionContext(task.location(), false, host.host.name());
        Redactor redactor = Redactor.of(vars);
        boolean noLog = bool(task.noLog(), vars, at, false);
        try {
            task.vars().forEach((k, v) -> vars.put(k, run.expressions.renderDeep(v, vars, at)));
            List<Object> items = items(task, vars, at);
            List<Map<String, Object>> results = new ArrayList<>();
            Outcome outcome = Outcome.SKIPPED;
            for (Object item : items) {
                Map<String, Object> itemVars = TemplatedVars.copyOf(vars, run.expressions, host.host.name());
                String label = null;
                if (item != NO_LOOP) {
                    itemVars.put(task.loopControl().loopVar(), item);
                    label = String.valueOf(task.loopControl().label() == null ? item
                            : run.expressions.render(task.loopControl().label(), itemVars, at));
                }
                Attempt attempt = when(task, itemVars) ? attempt(task, host, itemVars, at) : Attempt.skipped();
                Outcome itemOutcome = attempt.outcome(bool(task.ignoreErrors(), itemVars, at, false));
                report(task, host, itemOutcome, label, attempt, redactor, noLog);
                results.add(attempt.data());
                outcome = worse(outcome, itemOutcome);
                if (itemOutcome == Outcome.UNREACHABLE) {
                    break;
                }
            }
            Map<String, Object> registered = items.size() == 1 && items.get(0) == NO_LOOP ? results.get(0) : loopResult(results);
            if (task.register() != null) {
                host.setFact(task.register(), registered);
            }
            if ((outcome == Outcome.CHANGED) && !task.notifyHandlers().isEmpty()) {
                task.notifyHandlers().forEach(n -> host.notified.add(String.valueOf(run.expressions.render(n, vars, at))));
            }
            // Like Ansible's recap, a task counts once per host however many loop items it had.
            run.count(host.host.name(), outcome);
            return outcome;
        } catch (TemplateError | ModuleArgumentException e) {
            Attempt failed = Attempt.failed(e instanceof TemplateError te ? te.paragraph() : e.getMessage());
            Outcome outcome = failed.outcome(false);
            report(task, host, outcome, null, failed, redactor, noLog);
            run.count(host.host.name(), outcome);
            return outcome;
        }
    }

    private List<Object> items(Task task, Map<String, Object> vars, ExpressionContext at) {
        if (task.loop() == null) {
            return List.of(NO_LOOP);
        }
        Object loop = run.expressions.renderDeep(task.loop(), vars, at);
        if (!(loop instanceof List<?> list)) {
            throw new ModuleArgumentException("'loop' must give a list, but gives " + loop);
        }
        return new ArrayList<>(list);
    }

    private boolean when(Task task, Map<String, Object> vars) {
        for (Object condition : task.when()) {
            if (!condition(condition, vars, task)) {
                return false;
            }
        }
        return true;
    }

    private boolean condition(Object condition, Map<String, Object> vars, Task task) {
        if (condition instanceof Condition c) {
            return run.expressions.condition(c.expression(), vars, new ExpressionContext(c.location(), c.exact(), host(vars)));
        }
        if (condition instanceof List<?> all) {
            return all.stream().allMatch(c -> condition(c, vars, task));
        }
        return run.expressions.condition(condition, vars, new ExpressionContext(task.location(), false, host(vars)));
    }

    private static String host(Map<String, Object> vars) {
        return String.valueOf(vars.get("inventory_hostname"));
    }

    private Attempt attempt(Task task, HostRun host, Map<String, Object> vars, ExpressionContext at) {
        Module module = run.modules.get(task.module());
        if (module == null) {
            return Attempt.failed("module '" + task.module() + "' is not available in this build of mesoslab");
        }
        int retries = task.until() == null ? 0 : integer(task.retries(), vars, at, 3);
        int delay = integer(task.delay(), vars, at, 5);
        Attempt attempt = null;
        for (int i = 0; i <= retries; i++) {
            attempt = once(task, module, host, vars, at);
            if (task.until() == null || attempt.unreachable()) {
                break;
            }
            Map<String, Object> withResult = bind(task, vars, attempt.data());
            if (condition(task.until(), withResult, task)) {
                break;
            }
            if (i < retries) {
                run.listener.on(new RunEvent.Progress(host.host.name(), task.displayName(),
                        "retrying (" + (retries - i) + " retries left, next in " + delay + "s)"));
                sleep(delay);
            } else {
                attempt = attempt.failedWith("retries exhausted (" + (retries + 1) + " attempts) and the until condition is still false");
            }
        }
        return attempt;
    }

    private Attempt once(Task task, Module module, HostRun host, Map<String, Object> vars, ExpressionContext at) {
        Map<String, Object> args = renderArgs(task, module, vars, at);
        boolean check = task.checkMode() == null ? run.options.check() : bool(task.checkMode(), vars, at, run.options.check());
        try {
            ModuleCall call = new ModuleCall(args, host.host.name(), vars,
                    module.needsConnection() ? connection(task, host, vars, at) : null,
                    check, run.options.diff() || bool(task.diff(), vars, at, false), run.templates, task.file().getParent(),
                    become(task, host, vars, at));
            ModuleResult result = module.run(call);
            if (!result.facts().isEmpty()) {
                result.facts().forEach(host::setFact);
            }
            Map<String, Object> data = new LinkedHashMap<>(result.data());
            Map<String, Object> bound = bind(task, vars, data);
            if (task.changedWhen() != null) {
                data.put("changed", condition(task.changedWhen(), bound, task));
            }
            if (task.failedWhen() != null) {
                data.put("failed", condition(task.failedWhen(), bound, task));
            }
            return new Attempt(data, result.diff(), false, result.shown());
        } catch (UnreachableHostException | mesoslab.transport.HostUnreachableException e) {
            // Not connecting, and losing the host in the middle of the run (sshd killed, network
            // gone), are both unreachable for Ansible, never a failed task.
            host.unreachable = true;
            return new Attempt(Map.of("unreachable", true, "changed", false, "msg", e.paragraph()), null, true);
        } catch (ModuleArgumentException e) {
            return Attempt.failed(e.getMessage());
        } catch (MesoslabException e) {
            return Attempt.failed(e.paragraph());
        }
    }

    /**
     * Privilege escalation: the task's {@code become} wins over the play's, which wins over the
     * host's {@code ansible_become}; the password comes from a variable, else from -K, and stays a Secret.
     */
    private mesoslab.transport.Become become(Task task, HostRun host, Map<String, Object> vars, ExpressionContext at) {
        Object flag = task.become() != null ? task.become() : host.play.become() != null ? host.play.become()
                : vars.get("ansible_become") != null ? vars.get("ansible_become") : vars.get("become");
        if (!bool(flag, vars, at, false)) {
            return mesoslab.transport.Become.NONE;
        }
        Object user = task.becomeUser() != null ? task.becomeUser() : host.play.becomeUser() != null ? host.play.becomeUser()
                : vars.get("ansible_become_user");
        Object password = vars.getOrDefault("ansible_become_password", vars.get("ansible_become_pass"));
        Object exe = vars.get("ansible_become_exe");
        return mesoslab.transport.Become.as(user == null ? null : String.valueOf(run.expressions.render(String.valueOf(user), vars, at)),
                password == null ? run.options.becomePassword() : mesoslab.common.Secret.of(String.valueOf(password))).using(exe == null ? null : String.valueOf(exe));
    }

    /** The host's own connection, or with delegate_to the delegate's (the task keeps the host's variables). */
    private mesoslab.transport.Connection connection(Task task, HostRun host, Map<String, Object> vars, ExpressionContext at) {
        if (task.delegateTo() != null) {
            String delegate = String.valueOf(run.expressions.render(task.delegateTo(), vars, at));
            if (!delegate.equals(host.host.name())) {
                return run.delegate(delegate);
            }
        }
        if (host.connection == null) {
            try {
                host.connection = run.connector.open(host.host.name(), run.connectionVars(host.host, vars));
            } catch (MesoslabException e) {
                throw new UnreachableHostException(host.host.name(), e);
            }
        }
        return host.connection;
    }

    private Map<String, Object> renderArgs(Task task, Module module, Map<String, Object> vars, ExpressionContext at) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : task.args().entrySet()) {
            if (module.conditionOptions().contains(e.getKey())) {
                Object raw = e.getValue();
                List<?> list = raw instanceof List<?> l ? l : List.of(raw);
                List<Object> evaluated = new ArrayList<>();
                for (Object c : list) {
                    evaluated.add(run.expressions.condition(c, vars, at));
                }
                args.put(e.getKey(), evaluated);
                args.put(e.getKey() + "_source", list.stream().map(String::valueOf).toList());
            } else if (module.expressionOptions().contains(e.getKey())) {
                String text = String.valueOf(e.getValue());
                args.put(e.getKey(), run.expressions.evaluate(text, vars, at, 0));
                args.put(e.getKey() + "_source", text);
            } else {
                args.put(e.getKey(), run.expressions.renderDeep(e.getValue(), vars, at));
            }
        }
        return args;
    }

    private Map<String, Object> bind(Task task, Map<String, Object> vars, Map<String, Object> data) {
        Map<String, Object> bound = TemplatedVars.copyOf(vars, run.expressions, host(vars));
        data.forEach(bound::put);
        if (task.register() != null) {
            bound.put(task.register(), data);
        }
        return bound;
    }

    private boolean bool(Object value, Map<String, Object> vars, ExpressionContext at, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        Object rendered = run.expressions.render(String.valueOf(value), vars, at);
        return rendered instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(rendered));
    }

    private int integer(Object value, Map<String, Object> vars, ExpressionContext at, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        Object rendered = run.expressions.render(String.valueOf(value), vars, at);
        try {
            return rendered instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(rendered).strip());
        } catch (NumberFormatException e) {
            throw new ModuleArgumentException("'" + value + "' must give a whole number, but gives '" + rendered + "'");
        }
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> loopResult(List<Map<String, Object>> results) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("changed", results.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("changed"))));
        data.put("failed", results.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("failed"))));
        data.put("skipped", results.stream().allMatch(r -> Boolean.TRUE.equals(r.get("skipped"))));
        data.put("results", results);
        return data;
    }

    private static Outcome worse(Outcome a, Outcome b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case SKIPPED -> 0;
            case OK -> 1;
            case CHANGED -> 2;
            case IGNORED -> 3;
            case FAILED -> 4;
            case UNREACHABLE -> 5;
        };
    }

    private void report(Task task, HostRun host, Outcome outcome, String label, Attempt attempt, Redactor redactor, boolean noLog) {
        if (outcome == Outcome.FAILED) {
            host.failed = true;
        }
        run.listener.on(new RunEvent.HostDone(host.host.name(), task.displayName(), task.location().toString(), outcome,
                label == null ? null : redactor.text(label), redactor.result(attempt.data(), noLog),
                noLog ? null : redactor.text(attempt.diff()), noLog, noLog ? java.util.List.of() : attempt.shown()));
    }
}
