package mesoslab.module;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import mesoslab.transport.Become;
import mesoslab.transport.Command;
import mesoslab.transport.CommandResult;
import mesoslab.transport.Connection;
import mesoslab.transport.ShellQuoting;

/**
 * File operations every file-changing module shares, each in as few round trips as possible:
 * {@link #state} (one), {@link #read} (one), {@link #write} (one, atomic, plus one for owner).
 * Only POSIX tools on the host (stat, sha256sum, mktemp, mv).
 */
public final class RemoteFiles {
    private RemoteFiles() {}

    /** The path's state in one call; never follows a link for the type. */
    public static FileState state(Connection c, String path, Become become) {
        String p = ShellQuoting.quote(path);
        String script = "if [ -L " + p + " ]; then printf 'link|%s\\n' \"$(readlink " + p + ")\"; "
                + "elif [ -e " + p + " ]; then stat -c '%F|%a|%U|%G|%s' " + p + "; "
                + "if [ -f " + p + " ]; then sha256sum " + p + " | cut -d' ' -f1; fi; else echo absent; fi";
        CommandResult r = c.exec(Command.shell(script).as(become));
        String[] lines = r.stdout().split("\n");
        if (!r.ok() || lines.length == 0 || lines[0].equals("absent")) {
            return FileState.ABSENT;
        }
        String[] f = lines[0].split("\\|", -1);
        if (f[0].equals("link")) {
            return new FileState("link", null, null, null, 0, null, f[1]);
        }
        String kind = f[0].toLowerCase(Locale.ROOT);
        String type = kind.contains("directory") ? "directory" : kind.contains("regular") ? "file" : kind;
        String mode = String.format("%04o", Integer.parseInt(f[1], 8));
        return new FileState(type, mode, f[2], f[3], Long.parseLong(f[4].strip()), lines.length > 1 ? lines[1].strip() : null, null);
    }

    /** The file's content, or null when it does not exist. */
    public static byte[] read(Connection c, String path, Become become) {
        String p = ShellQuoting.quote(path);
        CommandResult r = c.exec(Command.shell("if [ -f " + p + " ]; then cat " + p + "; else exit 3; fi").as(become));
        if (r.rc() == 3) {
            return null;
        }
        if (!r.ok()) {
            throw new ModuleArgumentException("cannot read " + path + ": " + r.stderr().strip());
        }
        return r.stdout().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes atomically (temp file in the same folder, then rename), keeping a backup copy first
     * when asked; sets owner and group when given. Returns the backup's path or null.
     */
    public static String write(Connection c, String path, byte[] content, String mode, String owner, String group,
                               boolean backup, Become become) {
        String backupPath = null;
        if (backup) {
            backupPath = path + "." + System.currentTimeMillis() + "~";
            CommandResult r = c.exec(Command.shell("[ ! -e " + ShellQuoting.quote(path) + " ] || cp -p " + ShellQuoting.quote(path) + " "
                    + ShellQuoting.quote(backupPath)).as(become));
            if (!r.ok()) {
                throw new ModuleArgumentException("cannot back up " + path + ": " + r.stderr().strip());
            }
        }
        c.put(content, path, mode, become);
        chown(c, path, owner, group, become);
        return backupPath;
    }

    public static void chown(Connection c, String path, String owner, String group, Become become) {
        if (owner == null && group == null) {
            return;
        }
        String spec = (owner == null ? "" : owner) + (group == null ? "" : ":" + group);
        CommandResult r = c.exec(Command.argv("chown", spec, path).as(become));
        if (!r.ok()) {
            throw new ModuleArgumentException("cannot chown " + path + " to " + spec + ": " + r.stderr().strip());
        }
    }

    /** Octal mode text from what a playbook wrote: {@code "0644"}, {@code "644"}, or YAML 1.1's int 420 for 0644. */
    public static String mode(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return String.format("%04o", n.intValue());
        }
        String s = String.valueOf(value).strip();
        if (!s.matches("[0-7]{3,4}")) {
            throw new ModuleArgumentException("mode", value, "an octal mode such as '0644'");
        }
        return String.format("%04o", Integer.parseInt(s, 8));
    }

    public static String sha256(byte[] content) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content);
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
