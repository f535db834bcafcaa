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
 */
public record RunRequest(Path playbook, Path inventory, String limit, TagFilter tags, List<String> extraVars, Path home) {}
