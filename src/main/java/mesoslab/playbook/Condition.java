package mesoslab.playbook;

import mesoslab.common.SourceLocation;

/**
 * A condition written as text ({@code when: x == 1}), with where it was written so that an error
 * in it points at it. {@code exact} is true when columns in the text map onto the file.
 */
public record Condition(String expression, SourceLocation location, boolean exact) {
    @Override
    public String toString() {
        return expression;
    }
}
