package mesoslab.module;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import mesoslab.transport.FileState;

/**
 * Puts wanted content at a path, the shared core of copy, template, lineinfile and blockinfile:
 * compares checksums, diffs text, writes atomically (with a backup when asked), fixes mode and
 * owner, and reports changed only when something differed. Changes nothing in check mode.
 */
public final class FileContent {
    private FileContent() {}

    public static ModuleResult ensure(ModuleCall call, String path, byte[] wanted, byte[] current, FileState state) {
        String mode = RemoteFiles.mode(call.args().get("mode"));
        String owner = call.string("owner");
        String group = call.string("group");
        boolean backup = call.bool("backup", false);
        if (state.isDirectory()) {
            return ModuleResult.failed("destination " + path + " is a directory", Map.of("path", path));
        }
        boolean contentChanged = !state.exists() || !RemoteFiles.sha256(wanted).equals(state.sha256());
        boolean modeChanged = mode != null && !mode.equals(state.mode());
        boolean ownerChanged = (owner != null && !owner.equals(state.owner())) || (group != null && !group.equals(state.group()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dest", path);
        data.put("checksum", RemoteFiles.sha256(wanted));
        data.put("size", wanted.length);
        String diff = null;
        if (contentChanged && call.diff() && isText(wanted) && (current == null || isText(current))) {
            diff = UnifiedDiff.of(path, current == null ? null : new String(current, StandardCharsets.UTF_8),
                    new String(wanted, StandardCharsets.UTF_8));
        }
        boolean changed = contentChanged || modeChanged || ownerChanged;
        if (changed && !call.check()) {
            if (contentChanged) {
                String backupFile = RemoteFiles.write(call.connection(), path, wanted, mode == null && !state.exists() ? "0644" : mode,
                        owner, group, backup && state.exists(), call.become());
                if (backupFile != null) {
                    data.put("backup_file", backupFile);
                }
            } else {
                if (modeChanged) {
                    chmod(call, path, mode);
                }
                if (ownerChanged) {
                    RemoteFiles.chown(call.connection(), path, owner, group, call.become());
                }
            }
        }
        ModuleResult result = ModuleResult.of(changed, data);
        return diff == null ? result : result.withDiff(diff);
    }

    static void chmod(ModuleCall call, String path, String mode) {
        var r = call.connection().exec(mesoslab.transport.Command.argv("chmod", mode, path).as(call.become()));
        if (!r.ok()) {
            throw new ModuleArgumentException("cannot chmod " + path + ": " + r.stderr().strip());
        }
    }

    static boolean isText(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return true;
    }
}
