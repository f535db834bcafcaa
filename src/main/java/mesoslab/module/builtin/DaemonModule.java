package mesoslab.module.builtin;

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
 * {@code daemon}: a long-running process on a host without systemd. Started detached in its own
 * session ({@code setsid}) with a pidfile and a log file; reports ok when it already runs with
 * the same command line; {@code state: stopped} stops its whole process group (TERM, then KILL
 * after {@code stop_timeout}). A process that dies at once fails the task with its log's tail.
 */
public final class DaemonModule implements Module {
    /**
     * "Is this pid a live process": a killed process whose parent has not reaped it yet still
     * answers kill -0 (a zombie), so its state is checked too where /proc exists.
     */
    private static final String ALIVE = "alive() { kill -0 \"$1\" 2>/dev/null && ! grep -qs '^State:[[:space:]]*Z' /proc/\"$1\"/status; }; ";

    @Override
    public String name() {
        return "daemon";
    }

    @Override
    public Set<String> options() {
        return Set.of("name", "cmd", "argv", "pidfile", "log", "chdir", "env", "state", "stop_timeout", "startup_check");
    }

    @Override
    public Set<String> required() {
        return Set.of("pidfile");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        String pidfile = call.string("pidfile");
        String state = call.string("state", "started");
        String log = call.string("log", pidfile.replaceAll("\\.pid$", "") + ".log");
        String identity = identity(call);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", call.string("name", pidfile));
        data.put("pidfile", pidfile);
        data.put("log", log);
        String status = status(call, pidfile, identity);
        data.put("was", status);
        boolean running = status.equals("running");
        switch (state) {
            case "started" -> {
                if (running) {
                    return ModuleResult.ok(data);
                }
                if (!call.check()) {
                    if (status.equals("different")) {
                        stop(call, pidfile);
                    }
                    return start(call, pidfile, log, identity, data);
                }
                return ModuleResult.changed(data);
            }
            case "stopped" -> {
                boolean alive = !status.equals("stopped");
                if (alive && !call.check()) {
                    stop(call, pidfile);
                }
                return ModuleResult.of(alive, data);
            }
            case "restarted" -> {
                if (!call.check()) {
                    stop(call, pidfile);
                    return start(call, pidfile, log, identity, data);
                }
                return ModuleResult.changed(data);
            }
            default -> throw new ModuleArgumentException("state", state, "started, stopped or restarted");
        }
    }

    /** The command line with its environment and folder: a change to any of them means a restart. */
    private static String identity(ModuleCall call) {
        StringBuilder out = new StringBuilder();
        Object env = call.args().get("env");
        if (env instanceof Map<?, ?> map) {
            new java.util.TreeMap<>(map).forEach((k, v) -> out.append(k).append('=').append(ShellQuoting.quote(String.valueOf(v))).append(' '));
        } else if (env != null) {
            throw new ModuleArgumentException("env", env, "a mapping of variable names to values");
        }
        if (call.string("chdir") != null) {
            out.append("[cd ").append(call.string("chdir")).append("] ");
        }
        return out.append(ShellQuoting.join(argv(call))).toString();
    }

    private static List<String> argv(ModuleCall call) {
        Object argv = call.args().get("argv");
        if (argv instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            list.forEach(a -> out.add(String.valueOf(a)));
            return out;
        }
        String cmd = call.string("cmd");
        if (cmd == null) {
            throw new ModuleArgumentException("daemon needs cmd: or argv:");
        }
        return ShellWords.split(cmd);
    }

    /** "running" (same command), "different" (running, other command), or "stopped". */
    private static String status(ModuleCall call, String pidfile, String identity) {
        String p = ShellQuoting.quote(pidfile);
        String script = ALIVE + "if [ -f " + p + " ] && alive \"$(cat " + p + ")\"; then "
                + "if [ \"$(cat " + p + ".cmd 2>/dev/null)\" = " + ShellQuoting.quote(identity) + " ]; then echo running; "
                + "else echo different; fi; else echo stopped; fi";
        CommandResult r = call.connection().exec(Command.shell(script).as(call.become()));
        return r.stdout().strip().isEmpty() ? "stopped" : r.stdout().strip();
    }

    private static ModuleResult start(ModuleCall call, String pidfile, String log, String identity, Map<String, Object> data) {
        StringBuilder env = new StringBuilder();
        if (call.args().get("env") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.append(k).append('=').append(ShellQuoting.quote(String.valueOf(v))).append(' '));
        }
        String p = ShellQuoting.quote(pidfile);
        String l = ShellQuoting.quote(log);
        String cd = call.string("chdir") == null ? "" : "cd " + ShellQuoting.quote(call.string("chdir")) + " && ";
        int check = call.integer("startup_check", 1);
        // The subshell execs into setsid and then the program, so $! is the program's own pid and,
        // being a session leader, its process group is what "state: stopped" signals.
        String script = ALIVE + "mkdir -p \"$(dirname " + p + ")\" \"$(dirname " + l + ")\" || exit 1; "
                + "( " + cd + "exec env " + env + "setsid " + ShellQuoting.join(argv(call)) + " ) >> " + l + " 2>&1 < /dev/null & "
                + "echo $! > " + p + "; printf '%s' " + ShellQuoting.quote(identity) + " > " + p + ".cmd; "
                + "sleep " + check + "; if alive \"$(cat " + p + ")\"; then cat " + p + "; else "
                + "echo 'exited at once; last lines of the log:' >&2; tail -n 15 " + l + " >&2; rm -f " + p + " " + p + ".cmd; exit 1; fi";
        CommandResult r = call.connection().exec(Command.shell(script).as(call.become()));
        if (!r.ok()) {
            data.put("stderr", r.stderr());
            return ModuleResult.failed("the process did not stay up: " + r.stderr().strip(), data);
        }
        data.put("pid", Long.parseLong(r.stdout().strip()));
        return ModuleResult.changed(data);
    }

    private static void stop(ModuleCall call, String pidfile) {
        String p = ShellQuoting.quote(pidfile);
        int timeout = call.integer("stop_timeout", 10);
        String script = ALIVE + "[ -f " + p + " ] || exit 0; pid=$(cat " + p + "); "
                + "kill -TERM -- -\"$pid\" 2>/dev/null || kill -TERM \"$pid\" 2>/dev/null; i=0; "
                + "while alive \"$pid\" && [ $i -lt " + (timeout * 10) + " ]; do sleep 0.1; i=$((i+1)); done; "
                + "kill -KILL -- -\"$pid\" 2>/dev/null; kill -KILL \"$pid\" 2>/dev/null; rm -f " + p + " " + p + ".cmd; exit 0";
        CommandResult r = call.connection().exec(Command.shell(script).as(call.become()));
        if (!r.ok()) {
            throw new ModuleArgumentException("cannot stop the process of " + pidfile + ": " + r.stderr().strip());
        }
    }
}
