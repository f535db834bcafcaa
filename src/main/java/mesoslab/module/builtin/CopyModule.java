package mesoslab.module.builtin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import mesoslab.module.FileContent;
import mesoslab.module.Module;
import mesoslab.module.ModuleArgumentException;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.module.RemoteFiles;
import mesoslab.transport.FileState;

/**
 * {@code copy}: puts a file from the control machine ({@code src}, relative to the task's folder
 * or its {@code files/}) or inline {@code content} at {@code dest}. One round trip when nothing
 * changed (checksum), one more to write atomically.
 */
public final class CopyModule implements Module {
    @Override
    public String name() {
        return "copy";
    }

    @Override
    public Set<String> options() {
        return Set.of("src", "content", "dest", "mode", "owner", "group", "backup", "force");
    }

    @Override
    public Set<String> required() {
        return Set.of("dest");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        byte[] wanted;
        if (call.args().containsKey("content")) {
            wanted = call.string("content", "").getBytes(StandardCharsets.UTF_8);
        } else if (call.string("src") != null) {
            wanted = readLocal(call, call.string("src"));
        } else {
            throw new ModuleArgumentException("copy needs either src: or content:");
        }
        String dest = call.string("dest");
        FileState state = call.connection().stat(dest, call.become());
        if (state.isDirectory() && call.string("src") != null) {
            dest = dest + "/" + Path.of(call.string("src")).getFileName();
            state = call.connection().stat(dest, call.become());
        }
        if (state.exists() && !call.bool("force", true)) {
            return ModuleResult.ok(Map.of("dest", dest, "msg", "file already exists (force: no)"));
        }
        byte[] current = call.diff() && state.isFile() ? RemoteFiles.read(call.connection(), dest, call.become()) : null;
        return FileContent.ensure(call, dest, wanted, current, state);
    }

    static byte[] readLocal(ModuleCall call, String src) {
        Path base = call.baseDir();
        for (Path candidate : new Path[] {Path.of(src), base.resolve("files").resolve(src), base.resolve(src),
                base.resolve("..").resolve("files").resolve(src)}) {
            if (candidate.isAbsolute() || base != null) {
                if (Files.isRegularFile(candidate)) {
                    try {
                        return Files.readAllBytes(candidate);
                    } catch (IOException e) {
                        throw new ModuleArgumentException("cannot read " + candidate + ": " + e.getMessage());
                    }
                }
            }
        }
        throw new ModuleArgumentException("source file '" + src + "' not found (looked in " + base + " and its files/ folder)");
    }
}
