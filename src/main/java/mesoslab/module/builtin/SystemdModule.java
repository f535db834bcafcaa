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

/**
 * {@code systemd} (and {@code service}, its generic name): drives systemctl the way Ansible's
 * module does. It reads the unit with {@code systemctl show}, then changes only what differs:
 * {@code daemon_reload} first, then {@code masked}, {@code enabled}, and {@code state}
 * ({@code started}/{@code stopped} only when the unit is not already so; {@code restarted} and
 * {@code reloaded} always act). The unit's properties come back as {@code status}, as in Ansible.
 */
public final class SystemdModule implements Module {
    private static final Set<String> RUNNING = Set.of("active", "activating", "reloading");
    private static final Set<String> ENABLED = Set.of("enabled", "enabled-runtime", "alias", "linked", "linked-runtime");
    private final String name;
    private final String systemctl;

    /** The module under {@code name} ("systemd" or "service"), calling the host's systemctl. */
    public SystemdModule(String name) {
        this(name, "systemctl");
    }

    /** With another systemctl executable: the tests' stand-in for hosts where systemd is not PID 1. */
    public SystemdModule(String name, String systemctl) {
        this.name = name;
        this.systemctl = systemctl;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> options() {
        return Set.of("name", "state", "enabled", "daemon_reload", "masked", "scope", "no_block", "force");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        String unit = call.string("name", null);
        String state = call.string("state", null);
        if (state != null && !Set.of("started", "stopped", "restarted", "reloaded").contains(state)) {
            throw new ModuleArgumentException("state", state, "started, stopped, restarted or reloaded");
        }
        boolean reload = call.bool("daemon_reload", false);
        if (unit == null && (state != null || call.args().containsKey("enabled") || call.args().containsKey("masked"))) {
            throw new ModuleArgumentException("name", null, "the unit to act on (state, enabled and masked need one)");
        }
        if (unit == null && !reload) {
            throw new ModuleArgumentException("name", null, "a unit name, or daemon_reload: true on its own");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (unit != null) {
            data.put("name", unit);
        }
        boolean changed = false;
        if (reload && !call.check()) {
            CommandResult r = systemctl(call, "daemon-reload");
            if (r.rc() != 0) {
                return ModuleResult.failed("failure " + r.rc() + " during daemon-reload: " + r.stderr().trim(), data);
            }
        }
        if (unit == null) {
            return ModuleResult.ok(data);
        }
        Map<String, String> status = show(call, unit);
        data.put("status", status);
        boolean masked = "masked".equals(status.get("LoadState")) || "masked".equals(status.get("UnitFileState"));
        if ("not-found".equals(status.getOrDefault("LoadState", "not-found")) && !masked) {
            return ModuleResult.failed("Could not find the requested service " + unit + ": host", data);
        }
        if (call.args().containsKey("masked")) {
            boolean want = call.bool("masked", false);
            if (want != masked) {
                changed = true;
                String error = call.check() ? null : act(call, want ? "mask" : "unmask", unit);
                if (error != null) {
                    return ModuleResult.failed(error, data);
                }
            }
        }
        if (call.args().containsKey("enabled")) {
            boolean want = call.bool("enabled", false);
            data.put("enabled", want);
            if (want != ENABLED.contains(status.getOrDefault("UnitFileState", ""))) {
                changed = true;
                String error = call.check() ? null : act(call, want ? "enable" : "disable", unit);
                if (error != null) {
                    return ModuleResult.failed(error, data);
                }
            }
        }
        if (state != null) {
            data.put("state", state);
            boolean running = RUNNING.contains(status.getOrDefault("ActiveState", ""));
            String action = switch (state) {
                case "started" -> running ? null : "start";
                case "stopped" -> running || "deactivating".equals(status.get("ActiveState")) ? "stop" : null;
                case "restarted" -> "restart";
                default -> running ? "reload" : "start";
            };
            if (action != null) {
                changed = true;
                String error = call.check() ? null : act(call, action, unit);
                if (error != null) {
                    return ModuleResult.failed(error, data);
                }
            }
        }
        return ModuleResult.of(changed, data);
    }

    /** Runs {@code systemctl ACTION UNIT}; returns Ansible's message when it fails, else null. */
    private String act(ModuleCall call, String action, String unit) {
        CommandResult r = systemctl(call, action, unit);
        return r.rc() == 0 ? null
                : "Unable to " + action + " service " + unit + ": " + (r.stderr().isBlank() ? r.stdout() : r.stderr()).trim();
    }

    private Map<String, String> show(ModuleCall call, String unit) {
        CommandResult r = systemctl(call, "show", unit);
        Map<String, String> status = new LinkedHashMap<>();
        if (r.rc() != 0) {
            return status;
        }
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                status.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return status;
    }

    private CommandResult systemctl(ModuleCall call, String... words) {
        List<String> argv = new ArrayList<>(List.of(systemctl));
        String scope = call.string("scope", "system");
        if (!scope.equals("system")) {
            argv.add("--" + scope);
        }
        if (call.bool("no_block", false)) {
            argv.add("--no-block");
        }
        if (call.bool("force", false)) {
            argv.add("--force");
        }
        argv.addAll(List.of(words));
        return call.connection().exec(Command.argv(argv).as(call.become()));
    }
}
