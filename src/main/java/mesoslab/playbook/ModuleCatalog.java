package mesoslab.playbook;

import java.util.Set;

/**
 * What the playbook loader needs to know about modules, without depending on them: which names
 * exist, and which take a free-form argument ({@code command: echo hi}) with which option words.
 * The composition root supplies the implementation from the module registry.
 */
public interface ModuleCatalog {

    /** Every module name, for "unknown module" errors and "did you mean". */
    Set<String> names();

    default boolean knows(String name) {
        return names().contains(name);
    }

    /**
     * For a free-form module, the option words that may be written as {@code k=v} inside the
     * free-form text; null when the module takes only {@code k=v} or a mapping.
     */
    Set<String> freeFormOptions(String name);

    /** The argument names a module accepts, or null when the catalogue does not check them. */
    default Set<String> options(String name) {
        return null;
    }

    /** The arguments a module needs. */
    default Set<String> required(String name) {
        return Set.of();
    }
}
