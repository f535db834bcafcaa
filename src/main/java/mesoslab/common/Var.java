package mesoslab.common;

import mesoslab.common.SourceLocation;

/** A variable's value and where it was written (for {@code explain} and error messages). */
public record Var(Object value, SourceLocation location) {}
