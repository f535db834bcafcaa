package mesoslab.plan;

import java.nio.file.Path;
import java.util.List;

/**
 * What a user asked for: which playbook on which inventory, narrowed how. Built by the CLI and
 * passed explicitly; nothing reads options from globals.
 *
 * @param limit       a --limit pattern, or null
 * @param extraVars   the -e arguments as typed
 * @param home        where mesoslab's own playbooks/ and templates/ are
 * @param builtins    variables mesoslab defines about itself ({@code mesoslab_home}, {@code mesoslab_jar},
 *                    {@code mesoslab_java}), at the lowest precedence
 */
public record RunRequest(Path playbook, Path inventory, String limit, TagFilter tags, List<String> extraVars, Path home,
                         java.util.Map<String, Object> builtins) {

    public RunRequest(Path playbook, Path inventory, String limit, TagFilter tags, List<String> extraVars, Path home) {
        this(playbook, inventory, limit, tags, extraVars, home, java.util.Map.of());
    }
}
