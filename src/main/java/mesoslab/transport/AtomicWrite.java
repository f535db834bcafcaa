package mesoslab.transport;

/**
 * The shell steps that write a file atomically on any POSIX host: stdin into a temporary file in
 * the target's own folder (so the rename cannot cross file systems), mode set, then renamed over
 * the target. A failure removes the temporary file.
 */
public final class AtomicWrite {
    private AtomicWrite() {}

    public static String script(String path, String mode) {
        String target = ShellQuoting.quote(path);
        return "set -e; t=" + target + "; d=$(dirname \"$t\"); tmp=$(mktemp \"$d/.mesoslab.XXXXXX\"); "
                + "trap 'rm -f \"$tmp\"' EXIT; cat > \"$tmp\"; "
                + (mode == null ? "if [ -e \"$t\" ]; then chmod --reference=\"$t\" \"$tmp\" 2>/dev/null || true; else chmod 0644 \"$tmp\"; fi; "
                        : "chmod " + ShellQuoting.quote(mode) + " \"$tmp\"; ")
                + "mv -f \"$tmp\" \"$t\"; trap - EXIT";
    }
}
