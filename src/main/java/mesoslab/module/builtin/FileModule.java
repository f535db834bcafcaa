package mesoslab.module.builtin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import mesoslab.module.Module;
import mesoslab.module.ModuleArgumentException;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.module.RemoteFiles;
import mesoslab.transport.Command;
import mesoslab.transport.CommandResult;
import mesoslab.transport.FileState;

/** {@code file}: directories, empty files ({@code touch}), symlinks, removal, mode and owner. */
public final class FileModule implements Module {
    @Override
    public String name() {
        return "file";
    }

    @Override
    public Set<String> options() {
        return Set.of("path", "dest", "name", "state", "mode", "owner", "group", "src", "force", "recurse");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        String path = call.string("path", call.string("dest", call.string("name")));
        if (path == null) {
            throw new ModuleArgumentException("file needs path:");
        }
        String state = call.string("state", "file");
        String mode = RemoteFiles.mode(call.args().get("mode"));
        String owner = call.string("owner");
        String group = call.string("group");
        FileState now = call.connection().stat(path, call.become());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", path);
        data.put("state", state);
        boolean changed;
        switch (state) {
            case "directory" -> {
                if (now.exists() && !now.isDirectory()) {
                    return ModuleResult.failed(path + " exists and is not a directory", data);
                }
                changed = !now.exists() || differs(now, mode, owner, group);
                if (changed && !call.check()) {
                    run(call, "mkdir -p -- \"$1\"" + chmodChown(mode, owner, group), path);
                }
            }
            case "touch" -> {
                changed = true;
                if (!call.check()) {
                    run(call, "touch -- \"$1\"" + chmodChown(mode, owner, group), path);
                }
            }
            case "file" -> {
                if (!now.exists()) {
                    return ModuleResult.failed("file " + path + " does not exist (use state: touch to create it)", data);
                }
                changed = differs(now, mode, owner, group);
                if (changed && !call.check()) {
                    run(call, "true" + chmodChown(mode, owner, group), path);
                }
            }
            case "absent" -> {
                changed = now.exists();
                if (changed && !call.check()) {
                    run(call, "rm -rf -- \"$1\"", path);
                }
            }
            case "link" -> {
                String src = call.string("src");
                if (src == null) {
                    throw new ModuleArgumentException("state: link needs src:");
                }
                if (now.exists() && !now.isLink() && !call.bool("force", false)) {
                    return ModuleResult.failed(path + " exists and is not a link (force: yes replaces it)", data);
                }
                changed = !now.isLink() || !src.equals(now.linkTarget());
                if (changed && !call.check()) {
                    run(call, "ln -sfn -- \"$2\" \"$1\"", path, src);
                }
                data.put("src", src);
            }
            default -> throw new ModuleArgumentException("state", state, "one of directory, file, touch, link, absent");
        }
        return ModuleResult.of(changed, data);
    }

    private static boolean differs(FileState now, String mode, String owner, String group) {
        return (mode != null && !mode.equals(now.mode())) || (owner != null && !owner.equals(now.owner()))
                || (group != null && !group.equals(now.group()));
    }

    private static String chmodChown(String mode, String owner, String group) {
        StringBuilder out = new StringBuilder();
        if (mode != null) {
            out.append(" && chmod ").append(mode).append(" -- \"$1\"");
        }
        if (owner != null || group != null) {
            out.append(" && chown ").append(mesoslab.transport.ShellQuoting.quote((owner == null ? "" : owner)
                    + (group == null ? "" : ":" + group))).append(" -- \"$1\"");
        }
        return out.toString();
    }

    /** Runs a script with the paths as positional parameters, so they are never re-parsed by the shell. */
    private static void run(ModuleCall call, String script, String... params) {
        java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of("sh", "-c", script, "sh"));
        argv.addAll(java.util.List.of(params));
        CommandResult r = call.connection().exec(Command.argv(argv).as(call.become()));
        if (!r.ok()) {
            throw new ModuleArgumentException(r.stderr().strip().isEmpty() ? "file operation failed (rc " + r.rc() + ")" : r.stderr().strip());
        }
    }
}
