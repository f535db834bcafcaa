package mesoslab.yaml;

import java.math.BigInteger;
import mesoslab.common.SourceLocation;

/**
 * A scalar with its typed value (YAML 1.1 rules, as Ansible reads them: {@code yes} is true) and
 * the text as written. {@code plain} is false for quoted and block scalars, whose column does not
 * map one-to-one onto the text.
 */
public record YamlScalar(SourceLocation location, Object value, String text, boolean plain) implements YamlNode {

    @Override
    public Object toPlain() {
        return value;
    }

    public boolean isNull() {
        return value == null;
    }

    public boolean isString() {
        return value instanceof String;
    }

    public boolean isInteger() {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    }

    @Override
    public String kind() {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return "a string";
    }
}
