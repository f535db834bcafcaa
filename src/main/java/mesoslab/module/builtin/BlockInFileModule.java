package mesoslab.module.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import mesoslab.module.Module;
import mesoslab.module.ModuleArgumentException;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;

/** {@code blockinfile}: a block of lines between marker lines, inserted, replaced or removed as a whole. */
public final class BlockInFileModule implements Module {
    @Override
    public String name() {
        return "blockinfile";
    }

    @Override
    public Set<String> options() {
        return Set.of("path", "dest", "block", "content", "marker", "marker_begin", "marker_end", "state", "insertafter",
                "insertbefore", "create", "backup", "mode", "owner", "group");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        String path = call.string("path", call.string("dest"));
        if (path == null) {
            throw new ModuleArgumentException("blockinfile needs path:");
        }
        String marker = call.string("marker", "# {mark} MESOSLAB MANAGED BLOCK");
        String begin = marker.replace("{mark}", call.string("marker_begin", "BEGIN"));
        String end = marker.replace("{mark}", call.string("marker_end", "END"));
        String block = call.string("block", call.string("content", ""));
        boolean present = !"absent".equals(call.string("state", "present")) && !block.isEmpty();
        return TextFileEdit.apply(call, path, lines -> {
            int from = lines.indexOf(begin);
            int to = from < 0 ? -1 : lines.subList(from, lines.size()).indexOf(end) + from;
            List<String> wanted = new ArrayList<>();
            if (present) {
                wanted.add(begin);
                wanted.addAll(TextFileEdit.lines(block.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                wanted.add(end);
            }
            if (from >= 0 && to >= from) {
                List<String> out = new ArrayList<>(lines.subList(0, from));
                out.addAll(wanted);
                out.addAll(lines.subList(to + 1, lines.size()));
                return out;
            }
            if (present) {
                lines.addAll(TextFileEdit.insertionPoint(lines, call.string("insertafter"), call.string("insertbefore")), wanted);
            }
            return lines;
        });
    }
}
