package mesoslab.module.builtin;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import mesoslab.module.Module;
import mesoslab.module.ModuleArgumentException;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;

/**
 * {@code lineinfile}: makes sure one line is present (replacing the last line that matches
 * {@code regexp}) or absent.
 */
public final class LineInFileModule implements Module {
    @Override
    public String name() {
        return "lineinfile";
    }

    @Override
    public Set<String> options() {
        return Set.of("path", "dest", "line", "regexp", "state", "insertafter", "insertbefore", "create", "backup", "mode",
                "owner", "group");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        String path = call.string("path", call.string("dest"));
        if (path == null) {
            throw new ModuleArgumentException("lineinfile needs path:");
        }
        String line = call.string("line");
        String regexp = call.string("regexp");
        boolean present = !"absent".equals(call.string("state", "present"));
        if (present && line == null) {
            throw new ModuleArgumentException("lineinfile with state: present needs line:");
        }
        Pattern pattern = regexp == null ? null : Pattern.compile(regexp);
        return TextFileEdit.apply(call, path, lines -> present ? ensurePresent(lines, line, pattern, call)
                : ensureAbsent(lines, line, pattern));
    }

    private static List<String> ensurePresent(List<String> lines, String line, Pattern pattern, ModuleCall call) {
        if (pattern != null) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (pattern.matcher(lines.get(i)).find()) {
                    lines.set(i, line);
                    return lines;
                }
            }
        }
        if (lines.contains(line)) {
            return lines;
        }
        lines.add(TextFileEdit.insertionPoint(lines, call.string("insertafter"), call.string("insertbefore")), line);
        return lines;
    }

    private static List<String> ensureAbsent(List<String> lines, String line, Pattern pattern) {
        lines.removeIf(l -> pattern != null ? pattern.matcher(l).find() : l.equals(line));
        return lines;
    }
}
