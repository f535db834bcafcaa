package mesoslab.yaml;

import java.nio.file.Path;
import java.util.Locale;
import mesoslab.common.InvalidInputException;
import mesoslab.common.SourceLocation;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns SnakeYAML's parser messages into what a person needs: what is wrong and how to fix it. */
final class YamlErrors {
    private YamlErrors() {}

    static InvalidInputException translate(Path file, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        SourceLocation where = mark == null ? SourceLocation.file(file) : YamlLoader.location(file, mark);
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String lower = problem.toLowerCase(Locale.ROOT);
        String context = e.getContext() == null ? "" : e.getContext();
        if (lower.contains("'\\t'") || lower.contains("\\t(tab)") || lower.contains("tab")) {
            return new InvalidInputException(where, "invalid YAML: a tab character is used for indentation",
                    "YAML allows only spaces for indentation: replace the tab with spaces");
        }
        if (lower.contains("duplicate key")) {
            return new InvalidInputException(where, "invalid YAML: " + problem,
                    "Remove one of the two, or merge their values under one key");
        }
        if (lower.contains("mapping values are not allowed")) {
            return new InvalidInputException(where,
                    "invalid YAML: a 'key: value' pair is not allowed here",
                    "Check the indentation of this line against the line above, and quote values that contain ': '");
        }
        if (lower.contains("expected <block end>")) {
            return new InvalidInputException(where,
                    "invalid YAML: this line's indentation does not match the block it belongs to"
                            + (context.isEmpty() ? "" : " (" + context + " at line " + (e.getContextMark().getLine() + 1) + ")"),
                    "Indent it exactly like its siblings, with spaces");
        }
        if (lower.contains("could not find expected ':'")) {
            return new InvalidInputException(where, "invalid YAML: a key is missing its ':'",
                    "Write 'key: value' (with a space after the colon), or quote the text if it is a value");
        }
        if (lower.contains("found undefined alias")) {
            return new InvalidInputException(where, "invalid YAML: " + problem,
                    "Define the anchor ('&name') before using it ('*name')");
        }
        if (lower.contains("found character '@'") || lower.contains("found character '`'")) {
            return new InvalidInputException(where, "invalid YAML: " + problem,
                    "A value may not start with '@' or '`': put it in quotes");
        }
        if (lower.contains("while scanning a quoted scalar") || context.contains("quoted scalar")) {
            return new InvalidInputException(where, "invalid YAML: a quoted string is not closed",
                    "Add the closing quote");
        }
        String detail = problem + (context.isEmpty() ? "" : " (" + context + ")");
        return new InvalidInputException(where, "invalid YAML: " + detail.trim(),
                "Fix the YAML syntax at this position (check indentation and quoting)");
    }
}
