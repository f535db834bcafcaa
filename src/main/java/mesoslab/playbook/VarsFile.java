package mesoslab.playbook;

import mesoslab.common.SourceLocation;

/** An entry of a play's {@code vars_files}: the path as written (may hold {{ }}) and where. */
public record VarsFile(String path, SourceLocation location) {}
