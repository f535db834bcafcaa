package mesoslab.module.builtin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import mesoslab.module.FileContent;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.module.RemoteFiles;
import mesoslab.transport.FileState;

/**
 * Edits a text file by lines on the controller: reads it in one round trip, applies {@code edit},
 * and writes back only when the lines changed (lineinfile and blockinfile).
 */
final class TextFileEdit {
    private TextFileEdit() {}

    static ModuleResult apply(ModuleCall call, String path, UnaryOperator<List<String>> edit) {
        FileState state = call.connection().stat(path, call.become());
        byte[] current = state.isFile() ? RemoteFiles.read(call.connection(), path, call.become()) : null;
        if (current == null && !call.bool("create", false)) {
            return ModuleResult.failed("Destination " + path + " does not exist (create: yes makes it)", java.util.Map.of("path", path));
        }
        List<String> before = lines(current);
        List<String> after = edit.apply(new ArrayList<>(before));
        if (after.equals(before) && current != null) {
            return FileContent.ensure(call, path, current, current, state);
        }
        byte[] wanted = (after.isEmpty() ? "" : String.join("\n", after) + "\n").getBytes(StandardCharsets.UTF_8);
        return FileContent.ensure(call, path, wanted, current, state);
    }

    static List<String> lines(byte[] content) {
        if (content == null || content.length == 0) {
            return new ArrayList<>();
        }
        String text = new String(content, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Where to insert: after the last line matching {@code after}, before the first matching {@code before}, or at the end. */
    static int insertionPoint(List<String> lines, String after, String before) {
        if (before != null) {
            if (before.equals("BOF")) {
                return 0;
            }
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(before);
            for (int i = 0; i < lines.size(); i++) {
                if (p.matcher(lines.get(i)).find()) {
                    return i;
                }
            }
            return lines.size();
        }
        if (after != null && !after.equals("EOF")) {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(after);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (p.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
        }
        return lines.size();
    }
}
