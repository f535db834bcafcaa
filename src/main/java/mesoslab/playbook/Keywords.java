package mesoslab.playbook;

import java.util.LinkedHashSet;
import java.util.Set;

/** The keys a play, a task and a handler may have. Anything else is an error with a suggestion. */
final class Keywords {
    static final Set<String> PLAY = Set.of("name", "hosts", "vars", "vars_files", "become", "become_user", "serial",
            "gather_facts", "strategy", "tasks", "handlers", "pre_tasks", "post_tasks", "tags", "any_errors_fatal",
            "max_fail_percentage", "environment", "no_log", "check_mode", "remote_user", "connection", "order");
    static final Set<String> IMPORT_PLAYBOOK = Set.of("import_playbook", "name", "vars", "tags", "when");
    static final Set<String> TASK = Set.of("name", "when", "loop", "loop_control", "with_items", "register", "notify",
            "tags", "changed_when", "failed_when", "ignore_errors", "retries", "delay", "until", "become", "become_user",
            "delegate_to", "run_once", "no_log", "check_mode", "diff", "args", "vars", "environment");
    static final Set<String> HANDLER_ONLY = Set.of("listen");
    /** Task-level actions that are not modules: handled by the loader or the executor itself. */
    static final Set<String> ACTIONS = Set.of("import_tasks", "include_tasks", "meta");

    private Keywords() {}

    static Set<String> taskKeys(boolean handler) {
        Set<String> keys = new LinkedHashSet<>(TASK);
        if (handler) {
            keys.addAll(HANDLER_ONLY);
        }
        return keys;
    }
}
