package mesoslab.events;

import java.util.List;
import java.util.Map;

/**
 * What happens during a run, as reporters see it. Reporters observe only these events, never the
 * executor's internals. Values in {@code result} maps are already redacted where secrets apply.
 */
public sealed interface RunEvent {

    record PlaybookStarted(String playbook, boolean check) implements RunEvent {}

    record PlayStarted(String name, List<String> hosts) implements RunEvent {}

    /** @param where file:line:col of the task */
    record TaskStarted(String name, String where, boolean handler) implements RunEvent {}

    /** A host finished a task (or one loop item of it: {@code item} is then its label). */
    /** {@code shown}: the result keys a person should see without -v (what debug prints). */
    record HostDone(String host, String task, String where, Outcome outcome, String item, Map<String, Object> result,
                    String diff, boolean noLog, List<String> shown) implements RunEvent {}

    /** Something worth telling a person while a long step runs (a retry, a wait). */
    record Progress(String host, String task, String message) implements RunEvent {}

    record PlaybookFinished(Map<String, HostStats> stats, long elapsedMillis) implements RunEvent {}
}
