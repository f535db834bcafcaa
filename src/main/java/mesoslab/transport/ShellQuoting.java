package mesoslab.transport;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Quoting for POSIX shells: an argv becomes one command line in which every argument reaches the
 * program unchanged, whatever it contains (spaces, quotes, {@code $}, newlines).
 */
public final class ShellQuoting {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ShellQuoting() {}

    /** One argument, quoted only when it needs it. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\"'\"'") + "'";
    }

    public static String join(List<String> argv) {
        StringBuilder out = new StringBuilder();
        for (String arg : argv) {
            out.append(out.length() == 0 ? "" : " ").append(quote(arg));
        }
        return out.toString();
    }

    /** The whole command for {@code sh -c}: cd, environment, sudo, then the argv or the script. */
    static String line(Command command) {
        StringBuilder out = new StringBuilder();
        if (command.cwd() != null) {
            out.append("cd ").append(quote(command.cwd())).append(" && ");
        }
        String body = command.argv() != null ? join(command.argv()) : "/bin/sh -c " + quote(command.shell());
        StringBuilder env = new StringBuilder();
        for (Map.Entry<String, String> e : command.env().entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("invalid environment variable name '" + e.getKey() + "'");
            }
            env.append(e.getKey()).append('=').append(quote(e.getValue())).append(' ');
        }
        if (command.become().enabled()) {
            boolean password = command.become().password() != null && !command.become().password().isEmpty();
            out.append(quote(command.become().exe())).append(' ').append(password ? "-S -p '' " : "-n ").append("-H -u ").append(quote(command.become().user()))
                    .append(" -- /usr/bin/env ").append(env).append(body);
        } else {
            out.append(env.length() == 0 ? "" : "env " + env).append(body);
        }
        return out.toString();
    }
}
