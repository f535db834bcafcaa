package mesoslab.transport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A command to run on a host: an argv (run without a shell; each argument reaches the program
 * as given) or, only when asked for, a shell string for {@code /bin/sh -c}.
 *
 * @param argv     the program and its arguments (null when {@code shell} is set)
 * @param shell    a POSIX shell script (null when {@code argv} is set)
 * @param env      extra environment variables
 * @param cwd      the working folder, or null
 * @param stdin    bytes for standard input, or null
 * @param timeout  how long it may run before it is killed
 * @param become   privilege escalation
 */
public record Command(List<String> argv, String shell, Map<String, String> env, String cwd, byte[] stdin, Duration timeout,
                      Become become) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public static Command argv(List<String> argv) {
        return new Command(List.copyOf(argv), null, Map.of(), null, null, DEFAULT_TIMEOUT, Become.NONE);
    }

    public static Command argv(String... argv) {
        return argv(List.of(argv));
    }

    public static Command shell(String script) {
        return new Command(null, script, Map.of(), null, null, DEFAULT_TIMEOUT, Become.NONE);
    }

    public Command withEnv(Map<String, String> environment) {
        return new Command(argv, shell, Map.copyOf(environment), cwd, stdin, timeout, become);
    }

    public Command inDir(String dir) {
        return new Command(argv, shell, env, dir, stdin, timeout, become);
    }

    public Command withStdin(byte[] input) {
        return new Command(argv, shell, env, cwd, input, timeout, become);
    }

    public Command withTimeout(Duration limit) {
        return new Command(argv, shell, env, cwd, stdin, limit, become);
    }

    public Command as(Become how) {
        return new Command(argv, shell, env, cwd, stdin, timeout, how);
    }

    /**
     * What goes to the command's standard input: with {@code sudo -S}, the password line first
     * (never on a command line, never printed), then the command's own input.
     */
    public byte[] stdinWithPassword() {
        if (become.enabled() && become.password() != null && !become.password().isEmpty()) {
            byte[] password = (become.password().reveal() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] rest = stdin == null ? new byte[0] : stdin;
            byte[] all = new byte[password.length + rest.length];
            System.arraycopy(password, 0, all, 0, password.length);
            System.arraycopy(rest, 0, all, password.length, rest.length);
            return all;
        }
        return stdin;
    }

    /** The command as one POSIX shell line (argv quoted), with cwd, env and become applied. */
    public String toShellLine() {
        return ShellQuoting.line(this);
    }
}
