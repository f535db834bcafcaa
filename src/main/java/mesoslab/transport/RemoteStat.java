package mesoslab.transport;

import java.util.Locale;

/**
 * The shell steps that describe a path on any POSIX host in one round trip ({@code stat} and
 * {@code sha256sum}; a link is reported as a link, never followed), and how to read their output.
 */
final class RemoteStat {
    private RemoteStat() {}

    static String script(String path) {
        String p = ShellQuoting.quote(path);
        return "if [ -L " + p + " ]; then printf 'link|%s\\n' \"$(readlink " + p + ")\"; "
                + "elif [ -e " + p + " ]; then stat -c '%F|%a|%U|%G|%s' " + p + "; "
                + "if [ -f " + p + " ]; then sha256sum " + p + " | cut -d' ' -f1; fi; else echo absent; fi";
    }

    static FileState parse(CommandResult r) {
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
}
