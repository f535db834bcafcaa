package mesoslab.yaml;

import mesoslab.common.SourceLocation;

/**
 * A loaded YAML value that remembers where it was written, so every later error can point at the
 * file, line and column of the offending node.
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

    SourceLocation location();

    /** The value as plain Java: LinkedHashMap, ArrayList, String, Integer/Long/BigInteger, Double, Boolean or null. */
    Object toPlain();

    /** A word for the node's type as a user would say it: "a mapping", "a list", "a string", "a number". */
    String kind();
}
