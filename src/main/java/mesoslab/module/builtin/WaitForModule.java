package mesoslab.module.builtin;

import java.time.Duration;
import java.util.LinkedHashMap;
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
 * {@code wait_for}: waits on the host until a TCP port accepts connections (or stops), a path
 * appears (or goes), or a file holds {@code search_regex}. The loop runs on the host in one
 * round trip; on timeout the message says what was awaited.
 */
public final class WaitForModule implements Module {
    @Override
    public String name() {
        return "wait_for";
    }

    @Override
    public Set<String> options() {
        return Set.of("host", "port", "path", "state", "search_regex", "timeout", "delay", "sleep", "msg");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        String host = call.string("host", "127.0.0.1");
        Integer port = call.integer("port", null);
        String path = call.string("path");
        String state = call.string("state", port != null ? "started" : "present");
        int timeout = call.integer("timeout", 300);
        String regex = call.string("search_regex");
        String check;
        String awaited;
        if (port != null) {
            String probe = "probe() { if command -v bash >/dev/null 2>&1; then bash -c 'exec 3<>/dev/tcp/'" + ShellQuoting.quote(host)
                    + "'/'" + port + " 2>/dev/null; else nc -z -w1 " + ShellQuoting.quote(host) + " " + port + " 2>/dev/null; fi; }; ";
            boolean up = state.equals("started") || state.equals("present");
            check = probe + (up ? "probe" : "! probe");
            awaited = "port " + host + ":" + port + (up ? " to accept connections" : " to close");
        } else if (path != null) {
            String p = ShellQuoting.quote(path);
            if (regex != null) {
                check = "[ -f " + p + " ] && grep -Eq " + ShellQuoting.quote(regex) + " " + p;
                awaited = path + " to contain /" + regex + "/";
            } else {
                boolean present = !state.equals("absent");
                check = present ? "[ -e " + p + " ]" : "[ ! -e " + p + " ]";
                awaited = path + (present ? " to exist" : " to be gone");
            }
        } else {
            int delay = call.integer("timeout", 1);
            check = "sleep " + delay;
            awaited = delay + " s";
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", state);
        if (call.check()) {
            return ModuleResult.ok(data);
        }
        int delay = call.integer("delay", 0);
        String script = (delay > 0 ? "sleep " + delay + "; " : "") + "end=$(( $(date +%s) + " + timeout + " )); "
                + "while :; do if " + check + "; then exit 0; fi; [ \"$(date +%s)\" -ge \"$end\" ] && exit 1; sleep 0.2; done";
        long start = System.nanoTime();
        CommandResult r = call.connection().exec(Command.shell(script).withTimeout(Duration.ofSeconds(timeout + delay + 30)).as(call.become()));
        data.put("elapsed", (System.nanoTime() - start) / 1_000_000_000L);
        if (!r.ok()) {
            return ModuleResult.failed(call.string("msg", "timed out after " + timeout + " s waiting for " + awaited), data);
        }
        return ModuleResult.ok(data);
    }

}
