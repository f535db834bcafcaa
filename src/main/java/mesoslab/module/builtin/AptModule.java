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
 * {@code apt} (and {@code package}, which on the Debian and Ubuntu hosts this lab targets is the
 * same thing): packages present, absent or latest, a {@code .deb} file on the host, and the cache
 * refreshed when asked or older than {@code cache_valid_time}. The installed state is read with
 * dpkg-query first, so apt-get runs only for what differs and {@code changed} is truthful; in
 * check mode nothing but the queries runs.
 */
public final class AptModule implements Module {
    private static final Map<String, String> NON_INTERACTIVE = Map.of("DEBIAN_FRONTEND", "noninteractive", "LC_ALL", "C");
    private final String name;

    /** The module under {@code name}: "apt" or "package". */
    public AptModule(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> options() {
        return name.equals("package") ? Set.of("name", "state", "use")
                : Set.of("name", "pkg", "state", "update_cache", "cache_valid_time", "deb", "install_recommends", "purge",
                        "autoremove", "force");
    }

    @Override
    public ModuleResult run(ModuleCall call) {
        if (name.equals("package") && !"auto".equals(call.string("use", "auto")) && !"apt".equals(call.string("use", "auto"))) {
            throw new ModuleArgumentException("use", call.string("use"), "auto or apt (mesoslab manages Debian and Ubuntu hosts)");
        }
        String state = switch (call.string("state", "present")) {
            case "present", "installed" -> "present";
            case "absent", "removed" -> "absent";
            case "latest" -> "latest";
            default -> throw new ModuleArgumentException("state", call.string("state"), "present, absent or latest");
        };
        List<String> packages = packages(call);
        String deb = call.string("deb", null);
        if (packages.isEmpty() && deb == null && !call.bool("update_cache", false)) {
            throw new ModuleArgumentException("name", null, "the packages to manage, a deb file, or update_cache: true");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (call.bool("update_cache", false) || call.args().containsKey("cache_valid_time")) {
            String failure = updateCache(call, data);
            if (failure != null) {
                return ModuleResult.failed(failure, data);
            }
            if (packages.isEmpty() && deb == null) {
                return ModuleResult.of(Boolean.TRUE.equals(data.get("cache_updated")), data);
            }
        }
        if (deb != null) {
            return installDeb(call, deb, data);
        }
        Map<String, String> installed = installedVersions(call, packages);
        List<String> todo = new ArrayList<>();
        for (String spec : packages) {
            String pkg = spec.split("=", 2)[0];
            String version = spec.contains("=") ? spec.split("=", 2)[1] : null;
            boolean have = installed.containsKey(pkg) && (version == null || matches(installed.get(pkg), version));
            if (state.equals("absent") ? installed.containsKey(pkg) : !have) {
                todo.add(state.equals("absent") ? pkg : spec);
            }
        }
        if (state.equals("latest")) {
            todo = upgradable(call, packages, todo);
        }
        if (todo.isEmpty()) {
            return ModuleResult.ok(data);
        }
        data.put("packages", todo);
        if (call.check()) {
            return ModuleResult.changed(data);
        }
        List<String> argv = new ArrayList<>(List.of("apt-get", "-y", "-q"));
        if (state.equals("absent")) {
            argv.add(call.bool("purge", false) ? "purge" : "remove");
            if (call.bool("autoremove", false)) {
                argv.add("--auto-remove");
            }
        } else {
            argv.addAll(List.of("-o", "Dpkg::Options::=--force-confdef", "-o", "Dpkg::Options::=--force-confold"));
            if (call.args().containsKey("install_recommends")) {
                argv.add(call.bool("install_recommends", true) ? "--install-recommends" : "--no-install-recommends");
            }
            if (call.bool("force", false)) {
                argv.add("--allow-downgrades");
            }
            argv.add("install");
        }
        argv.addAll(todo);
        return aptGet(call, argv, data);
    }

    private static List<String> packages(ModuleCall call) {
        Object raw = call.args().containsKey("name") ? call.args().get("name") : call.args().get("pkg");
        List<String> out = new ArrayList<>();
        for (Object item : raw == null ? List.of() : raw instanceof List<?> l ? l : List.of(String.valueOf(raw).split(","))) {
            String s = String.valueOf(item).trim();
            if (!s.isEmpty()) {
                if (!s.matches("[a-z0-9][a-z0-9+.:-]*(=[A-Za-z0-9+.~:*-]+)?")) {
                    throw new ModuleArgumentException("name", s, "a Debian package name, optionally pinned as name=version");
                }
                out.add(s);
            }
        }
        return out;
    }

    /** A version pin matches exactly, or by prefix when it ends in '*', as apt reads pins. */
    private static boolean matches(String installed, String pin) {
        return pin.endsWith("*") ? installed.startsWith(pin.substring(0, pin.length() - 1)) : installed.equals(pin);
    }

    /** Installed packages among {@code packages}, with their versions; unknown names are simply absent. */
    private static Map<String, String> installedVersions(ModuleCall call, List<String> packages) {
        List<String> argv = new ArrayList<>(List.of("dpkg-query", "-W", "-f=${Package}\\t${Status}\\t${Version}\\n"));
        packages.forEach(p -> argv.add(p.split("=", 2)[0]));
        CommandResult r = call.connection().exec(Command.argv(argv).withEnv(NON_INTERACTIVE));
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 3 && f[1].endsWith(" installed")) {
                out.put(f[0], f[2]);
            }
        }
        return out;
    }

    /** For state latest: what apt-get would install or upgrade, read from a simulation. */
    private static List<String> upgradable(ModuleCall call, List<String> packages, List<String> missing) {
        List<String> argv = new ArrayList<>(List.of("apt-get", "-s", "-q", "install"));
        argv.addAll(packages);
        CommandResult r = call.connection().exec(Command.argv(argv).withEnv(NON_INTERACTIVE));
        List<String> todo = new ArrayList<>(missing);
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("Inst ")) {
                String pkg = line.split(" ")[1];
                if (packages.contains(pkg) && !todo.contains(pkg)) {
                    todo.add(pkg);
                }
            }
        }
        return todo;
    }

    private static ModuleResult installDeb(ModuleCall call, String deb, Map<String, Object> data) {
        CommandResult fields = call.connection().exec(Command.argv("dpkg-deb", "-f", deb, "Package", "Version").withEnv(NON_INTERACTIVE));
        if (fields.rc() != 0) {
            return ModuleResult.failed("Unable to read the package file " + deb + " on " + call.host() + ": " + fields.stderr().trim(), data);
        }
        Map<String, String> control = new LinkedHashMap<>();
        for (String line : fields.stdout().split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                control.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        String pkg = control.get("Package");
        if (control.get("Version").equals(installedVersions(call, List.of(pkg)).get(pkg))) {
            return ModuleResult.ok(data);
        }
        data.put("packages", List.of(pkg + "=" + control.get("Version")));
        if (call.check()) {
            return ModuleResult.changed(data);
        }
        // apt-get takes a file only as a path, so a bare name gets "./" in front.
        String path = deb.startsWith("/") || deb.startsWith(".") ? deb : "./" + deb;
        return aptGet(call, List.of("apt-get", "-y", "-q", "install", path), data);
    }

    private static ModuleResult aptGet(ModuleCall call, List<String> argv, Map<String, Object> data) {
        CommandResult r = call.connection().exec(Command.argv(argv).withEnv(NON_INTERACTIVE).as(call.become()));
        data.put("stdout", r.stdout());
        data.put("stderr", r.stderr());
        if (r.rc() != 0) {
            data.put("rc", r.rc());
            return ModuleResult.failed("'" + String.join(" ", argv) + "' failed: " + r.stderr().trim(), data);
        }
        return ModuleResult.changed(data);
    }

    /** Refreshes the package lists when asked and older than cache_valid_time; returns a failure message or null. */
    private static String updateCache(ModuleCall call, Map<String, Object> data) {
        int validFor = call.integer("cache_valid_time", 0);
        CommandResult ages = call.connection().exec(Command.argv("stat", "-c", "%Y", "/var/lib/apt/lists", "/var/lib/apt/periodic/update-success-stamp"));
        long newest = ages.stdout().lines().filter(l -> l.matches("\\d+")).mapToLong(Long::parseLong).max().orElse(0);
        CommandResult now = call.connection().exec(Command.argv("date", "+%s"));
        long age = Long.parseLong(now.stdout().trim()) - newest;
        data.put("cache_update_time", newest);
        if (validFor > 0 && age < validFor || !call.bool("update_cache", validFor > 0)) {
            data.put("cache_updated", false);
            return null;
        }
        data.put("cache_updated", true);
        if (call.check()) {
            return null;
        }
        CommandResult r = call.connection().exec(Command.argv("apt-get", "update", "-q").withEnv(NON_INTERACTIVE).as(call.become()));
        if (r.rc() != 0) {
            return "Failed to update apt cache: " + (r.stderr().isBlank() ? r.stdout() : r.stderr()).trim();
        }
        return null;
    }
}
