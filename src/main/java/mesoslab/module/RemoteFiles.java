package mesoslab.module;

import java.nio.charset.StandardCharsets;
import mesoslab.transport.Become;
import mesoslab.transport.Command;
import mesoslab.transport.CommandResult;
import mesoslab.transport.Connection;
import mesoslab.transport.ShellQuoting;

/**
 * File operations every file-changing module shares, each in as few round trips as possible:
 * {@link Connection#stat} (one), {@link #read} (one), {@link #write} (one, atomic, plus one for owner).
 * Only POSIX tools on the host (stat, sha256sum, mktemp, mv).
 */
public final class RemoteFiles {
    private RemoteFiles() {}

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
