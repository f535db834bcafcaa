package mesoslab.standin.mesosdns;

import java.util.Set;

/**
 * The real binary's command line, parsed with Go {@code flag} rules: {@code -config=FILE} or
 * {@code -config FILE} (default {@code config.json}), {@code -version}, glog's {@code -v=N}
 * (a bare {@code -v} means 1); one or two leading dashes; glog's other flags are accepted and
 * ignored.
 */
public record MesosDnsFlags(String config, boolean version, int verbosity) {
    private static final Set<String> IGNORED_GLOG_FLAGS =
            Set.of("logtostderr", "alsologtostderr", "stderrthreshold", "log_dir", "vmodule", "log_backtrace_at");
    private static final Set<String> IGNORED_GLOG_BOOLS = Set.of("logtostderr", "alsologtostderr");

    /** A flag Go's {@code flag} package would reject; the message is Go's. */
    public static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    public static MesosDnsFlags parse(String[] args) throws UsageException {
        String config = "config.json";
        boolean version = false;
        int verbosity = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                break; // Go stops at the first non-flag argument
            }
            String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            String value = eq < 0 ? null : body.substring(eq + 1);
            switch (name) {
                case "config" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("flag needs an argument: -config");
                        }
                        value = args[++i];
                    }
                    config = value;
                }
                case "version" -> version = value == null || Boolean.parseBoolean(value) || value.equals("1");
                case "v" -> {
                    if (value == null && i + 1 < args.length && args[i + 1].matches("\\d+")) {
                        value = args[++i];
                    }
                    try {
                        verbosity = value == null ? 1 : Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new UsageException("invalid value \"" + value + "\" for flag -v: parse error");
                    }
                }
                default -> {
                    if (!IGNORED_GLOG_FLAGS.contains(name)) {
                        throw new UsageException("flag provided but not defined: -" + name);
                    }
                    if (value == null && !IGNORED_GLOG_BOOLS.contains(name)) {
                        i++; // its value
                    }
                }
            }
        }
        return new MesosDnsFlags(config, version, verbosity);
    }
}
