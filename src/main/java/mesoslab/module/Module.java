package mesoslab.module;

import java.util.Set;

/**
 * A module: the unit of change on a host. Implementations are stateless and thread-safe: one
 * instance serves every host at once.
 *
 * <p>Contract: {@link #run} reports {@code changed} truthfully (true only when something on the
 * host changed, or in check mode would change), changes nothing in check mode, and returns a
 * failure as a result ({@link ModuleResult#failed}) rather than throwing. It throws only
 * {@link mesoslab.common.MesoslabException}s for problems that are not the task's fault (an
 * unreachable host).
 */
public interface Module {

    /** The name tasks use, e.g. {@code copy}. */
    String name();

    /** The argument names the module accepts; an argument outside this set is an input error. */
    Set<String> options();

    /** The arguments that must be present. */
    default Set<String> required() {
        return Set.of();
    }

    /** For free-form modules ({@code command: ls -l}), the option words allowed inside the free text; else null. */
    default Set<String> freeFormOptions() {
        return null;
    }

    /**
     * Arguments that hold bare conditions ({@code assert: that: x == 1}); the executor evaluates
     * them to booleans before {@link #run} (the texts go under {@code NAME_source}).
     */
    default Set<String> conditionOptions() {
        return Set.of();
    }

    /**
     * Arguments that hold a bare expression ({@code debug: var: out.stdout}); the executor
     * evaluates them and passes the value under the same name, the text under {@code NAME_source}.
     */
    default Set<String> expressionOptions() {
        return Set.of();
    }

    /** False for modules that run on the controller only (debug, set_fact): no connection is opened for them. */
    default boolean needsConnection() {
        return true;
    }

    ModuleResult run(ModuleCall call);
}
