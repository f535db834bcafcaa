package mesoslab.module.builtin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.module.Module;
import mesoslab.module.ModuleArgumentException;
import mesoslab.module.ModuleCall;
import mesoslab.module.ModuleResult;
import mesoslab.transport.Command;
import mesoslab.transport.CommandResult;
import mesoslab.transport.ShellQuoting;

/**
 * {@code command} (an argv, no shell: pipes and {@code $VAR} are passed as plain text) and
 * {@code shell} (through {@code /bin/sh -c}). Both report changed, as Ansible does, unless
 * {@code creates}/{@code removes} show there is nothing to do; in check mode they do not run.
 */
public final class CommandModule implements Module {
    private static final Set<String> FREE_FORM = Set.of("chdir", "creates", "removes", "executable", "stdin");
    private final boolean shell;

    public CommandModule(boolean shell) {
        this.shell = shell;
    }

    @Override
    public String name() {
        return shell ? "shell" : "command";
    }

    @Override
    public Set<String> options() {
        return Set.of("_raw_params", "cmd", "argv", "chdir", "creates", "removes", "executable", "stdin", "timeout");
    }

    @Override
    public Set<String> freeFormOptions() {
        return FREE_FORM;
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        String creates = call.string("creates");
        String removes = call.string("removes");
        Command command = command(call);
        String display = shell ? call.string("cmd", call.string("_raw_params")) : ShellQuoting.join(command.argv());
        if (creates != null && exists(call, creates)) {
            return ModuleResult.ok(Map.of("cmd", display, "rc", 0, "stdout", "skipped, since " + creates + " exists",
                    "stdout_lines", List.of("skipped, since " + creates + " exists")));
        }
        if (removes != null && !exists(call, removes)) {
            return ModuleResult.ok(Map.of("cmd", display, "rc", 0, "stdout", "skipped, since " + removes + " does not exist",
                    "stdout_lines", List.of("skipped, since " + removes + " does not exist")));
        }
        if (call.check()) {
            Map<String, Object> skipped = new LinkedHashMap<>();
            skipped.put("cmd", display);
            skipped.put("skipped", true);
            skipped.put("msg", "command would run (check mode does not run commands)");
            return ModuleResult.of(true, skipped);
        }
        Instant start = Instant.now();
        CommandResult r = call.connection().exec(command);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cmd", shell ? display : command.argv());
        data.put("rc", r.rc());
        data.put("stdout", strip(r.stdout()));
        data.put("stderr", strip(r.stderr()));
        data.put("stdout_lines", ModuleResult.lines(strip(r.stdout())));
        data.put("stderr_lines", ModuleResult.lines(strip(r.stderr())));
        data.put("start", start.toString());
        data.put("delta", Duration.between(start, Instant.now()).toString());
        if (r.timedOut()) {
            return ModuleResult.failed("command timed out after " + command.timeout().toSeconds() + " s and was killed", data);
        }
        if (r.rc() != 0) {
            return ModuleResult.failed("non-zero return code", data);
        }
        return ModuleResult.changed(data);
    }

    private Command command(ModuleCall call) {
        Command command;
        if (shell) {
            String script = call.string("cmd", call.string("_raw_params"));
            if (script == null || script.isBlank()) {
                throw new ModuleArgumentException("shell needs a command (free-form text or cmd:)");
            }
            String executable = call.string("executable");
            command = executable == null ? Command.shell(script) : Command.argv(executable, "-c", script);
        } else {
            command = Command.argv(argv(call));
        }
        if (call.string("chdir") != null) {
            command = command.inDir(call.string("chdir"));
        }
        if (call.string("stdin") != null) {
            command = command.withStdin((call.string("stdin") + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Integer timeout = call.integer("timeout", null);
        if (timeout != null) {
            command = command.withTimeout(Duration.ofSeconds(timeout));
        }
        return command.as(call.become());
    }

    private static List<String> argv(ModuleCall call) {
        Object argv = call.args().get("argv");
        if (argv instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            list.forEach(a -> out.add(String.valueOf(a)));
            return out;
        }
        String text = call.string("cmd", call.string("_raw_params"));
        if (text == null || text.isBlank()) {
            throw new ModuleArgumentException("command needs a command (free-form text, cmd: or argv:)");
        }
        return ShellWords.split(text);
    }

    private static boolean exists(ModuleCall call, String path) {
        return call.connection().exec(Command.argv("test", "-e", path).as(call.become())).rc() == 0;
    }

    private static String strip(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
