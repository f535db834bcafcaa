package mesoslab.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.inventory.Host;
import mesoslab.playbook.Condition;
import mesoslab.playbook.Task;
import mesoslab.template.ExpressionContext;
import mesoslab.template.Expressions;
import mesoslab.template.TemplateError;
import mesoslab.template.TemplateFiles;
import mesoslab.template.UndefinedVariableError;
import mesoslab.vars.VarStack;

/**
 * Evaluates, for every host of every play, every expression whose inputs are known before the
 * run: task names, conditions, arguments, loops, and template files. A variable that only a
 * {@code register} or {@code set_fact} earlier in the play defines is accepted (its value is not
 * known yet); any other undefined variable or bad syntax stops the run before any host is
 * touched.
 */
public final class PlanCheck {
    private final Expressions expressions;

    public PlanCheck(Expressions expressions) {
        this.expressions = expressions;
    }

    public void check(Plan plan, HostScope scope) {
        TemplateFiles templates = new TemplateFiles(plan.paths().templates());
        // Registered variables and facts live on for later plays, as in Ansible.
        Set<String> dynamic = new HashSet<>();
        plan.plays().forEach(p -> dynamic.addAll(dynamicNames(p)));
        for (PlannedPlay planned : plan.plays()) {
            List<String> playHosts = planned.hosts().stream().map(Host::name).toList();
            for (Host host : planned.hosts()) {
                VarStack stack = scope.forPlay(host, planned.play(), playHosts);
                Map<String, Object> vars = scope.flatten(stack, host, playHosts);
                for (Task task : planned.tasks()) {
                    checkTask(task, vars, dynamic, host, templates);
                }
                for (Task handler : planned.handlers()) {
                    checkTask(handler, vars, dynamic, host, templates);
                }
            }
        }
    }

    /** Names that tasks define while the play runs: register, set_fact keys, loop variables. */
    private static Set<String> dynamicNames(PlannedPlay planned) {
        Set<String> names = new HashSet<>();
        for (Task task : planned.play().allTasks()) {
            collect(task, names);
        }
        for (Task task : planned.play().handlers()) {
            collect(task, names);
        }
        names.add("ansible_facts");
        return names;
    }

    private static void collect(Task task, Set<String> names) {
        if (task.register() != null) {
            names.add(task.register());
        }
        if (task.module().equals("set_fact")) {
            names.addAll(task.args().keySet());
        }
        names.add(task.loopControl().loopVar());
        names.add("ansible_loop");
    }

    private void checkTask(Task task, Map<String, Object> hostVars, Set<String> dynamic, Host host, TemplateFiles templates) {
        Map<String, Object> vars = mesoslab.template.TemplatedVars.copyOf(hostVars, expressions, host.name());
        vars.putAll(task.vars());
        ExpressionContext at = new ExpressionContext(task.location(), false, host.name());
        Object loop = task.loop();
        if (loop instanceof String s) {
            loop = tolerant(() -> expressions.render(s, vars, at), dynamic);
        }
        if (loop instanceof List<?> items && !items.isEmpty()) {
            vars.put(task.loopControl().loopVar(), items.get(0));
        }
        tolerant(() -> task.name() == null ? null : expressions.render(task.name(), vars, at), dynamic);
        for (Object condition : task.when()) {
            tolerant(() -> condition instanceof Condition c
                    ? expressions.condition(c.expression(), vars, new ExpressionContext(c.location(), c.exact(), host.name()))
                    : condition, dynamic);
        }
        for (Object condition : List.of(orTrue(task.changedWhen()), orTrue(task.failedWhen()), orTrue(task.until()))) {
            if (condition instanceof Condition c) {
                tolerant(() -> expressions.evaluate(c.expression(), vars,
                        new ExpressionContext(c.location(), c.exact(), host.name()), 0), dynamic);
            }
        }
        Object args = tolerant(() -> expressions.renderDeep(task.args(), vars, at), dynamic);
        if (task.module().equals("template") && args instanceof Map<?, ?> rendered && rendered.get("src") instanceof String src) {
            tolerant(() -> templates.render(src, vars, task.location(), host.name()), dynamic);
        }
    }

    private static Object orTrue(Object condition) {
        return condition == null ? Boolean.TRUE : condition;
    }

    /**
     * Runs an evaluation, ignoring failures that only a run-time value could resolve: an undefined
     * name that a task will define, or a type error (the value may differ at run time).
     */
    private static Object tolerant(java.util.function.Supplier<Object> evaluation, Set<String> dynamic) {
        try {
            return evaluation.get();
        } catch (UndefinedVariableError e) {
            if (dynamic.contains(root(e.variable()))) {
                return null;
            }
            throw e;
        } catch (TemplateError e) {
            if (e.getCause() instanceof freemarker.core.ParseException || e.getCause() == null) {
                throw e;
            }
            return null;
        }
    }

    private static String root(String expression) {
        int end = 0;
        while (end < expression.length() && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_')) {
            end++;
        }
        return expression.substring(0, end);
    }
}
