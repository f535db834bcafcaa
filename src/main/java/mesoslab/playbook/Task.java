package mesoslab.playbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mesoslab.common.SourceLocation;

/**
 * One task or handler as written, validated but not yet templated. {@code module} is the module
 * name (or {@code include_tasks} / {@code meta}); {@code args} its arguments as plain values
 * (strings may hold {{ }}).
 *
 * @param when        conditions, all of which must hold (a YAML list is an AND)
 * @param file        the file the task was written in (relative paths in args resolve from there)
 * @param inheritedTags tags from an enclosing play or import, added to the task's own
 */
public record Task(
        String name,
        String module,
        Map<String, Object> args,
        SourceLocation location,
        Path file,
        List<Object> when,
        Object loop,
        LoopControl loopControl,
        String register,
        List<String> notifyHandlers,
        List<String> listen,
        List<String> tags,
        Object changedWhen,
        Object failedWhen,
        Object ignoreErrors,
        Object retries,
        Object delay,
        Object until,
        Object become,
        String becomeUser,
        String delegateTo,
        Object runOnce,
        Object noLog,
        Object checkMode,
        Object diff,
        Map<String, Object> vars,
        Map<String, Object> environment,
        List<String> inheritedTags) {

    /** The name shown in output: the given name, or (as Ansible shows it) the module's name. */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return module;
    }

    /** Own tags plus inherited ones. */
    public List<String> allTags() {
        if (inheritedTags.isEmpty()) {
            return tags;
        }
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(inheritedTags);
        all.addAll(tags);
        return List.copyOf(all);
    }

    /** A copy carrying extra inherited conditions and tags (from an {@code import_tasks}). */
    Task inherit(List<Object> moreWhen, List<String> moreTags) {
        List<Object> allWhen = new java.util.ArrayList<>(moreWhen);
        allWhen.addAll(when);
        java.util.LinkedHashSet<String> tagsAll = new java.util.LinkedHashSet<>(moreTags);
        tagsAll.addAll(inheritedTags);
        return new Task(name, module, args, location, file, List.copyOf(allWhen), loop, loopControl, register, notifyHandlers, listen,
                tags, changedWhen, failedWhen, ignoreErrors, retries, delay, until, become, becomeUser, delegateTo, runOnce,
                noLog, checkMode, diff, vars, environment, List.copyOf(tagsAll));
    }
}
