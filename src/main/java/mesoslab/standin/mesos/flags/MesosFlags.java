package mesoslab.standin.mesos.flags;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flags parsed the way Mesos' stout flags do: {@code MESOS_<FLAG>} environment variables first,
 * then {@code --flag=value} / {@code --flag value} / {@code --flag} / {@code --no-flag} on the
 * command line (which wins), and a value {@code file:///path} is replaced by that file's content.
 *
 * @param values   every flag that has a value (defaults included)
 * @param ignored  flags the real component knows but the stand-in does not act on
 */
public record MesosFlags(Map<String, String> values, Set<String> ignored) {

    /**
     * @param known     every flag the real component accepts, with its default (null = none)
     * @param honoured  the subset the stand-in implements; the rest are accepted and reported
     */
    public static MesosFlags parse(Map<String, String> known, Set<String> honoured, String[] args,
            Map<String, String> env) throws FlagException {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> explicit = new java.util.HashSet<>();
        known.forEach((name, dflt) -> {
            if (dflt != null) {
                values.put(name, dflt);
            }
        });
        // Like stout, unknown MESOS_* variables are ignored: the environment is shared with other tools.
        for (String name : known.keySet()) {
            String fromEnv = env.get("MESOS_" + name.toUpperCase(java.util.Locale.ROOT));
            if (fromEnv != null) {
                values.put(name, load(name, fromEnv));
                explicit.add(name);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new FlagException("Failed to load flags: unexpected argument '" + arg + "'");
            }
            String body = arg.substring(2);
            String name;
            String value;
            int eq = body.indexOf('=');
            if (eq >= 0) {
                name = body.substring(0, eq);
                value = body.substring(eq + 1);
            } else if (!known.containsKey(body) && body.startsWith("no-") && known.containsKey(body.substring(3))) {
                name = body.substring(3);
                value = "false";
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--") && !isBoolean(known.get(body))) {
                name = body;
                value = args[++i];
            } else {
                name = body;
                value = "true";
            }
            if (!known.containsKey(name)) {
                throw new FlagException("Failed to load unknown flag '" + name + "'");
            }
            values.put(name, load(name, value));
            explicit.add(name);
        }
        Set<String> ignored = new java.util.TreeSet<>(explicit);
        ignored.removeAll(honoured);
        return new MesosFlags(Collections.unmodifiableMap(values), Collections.unmodifiableSet(ignored));
    }

    private static boolean isBoolean(String dflt) {
        return "true".equals(dflt) || "false".equals(dflt);
    }

    private static String load(String name, String value) throws FlagException {
        if (!value.startsWith("file://")) {
            return value;
        }
        Path path = Path.of(URI.create(value));
        try {
            return Files.readString(path).strip();
        } catch (IOException | RuntimeException e) {
            throw new FlagException("Failed to load flag '" + name + "': cannot read " + path + ": " + e.getMessage());
        }
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String require(String name) throws FlagException {
        return get(name).orElseThrow(() -> new FlagException("Flag '--" + name + "' is required, but it was not provided"));
    }

    public int intValue(String name) throws FlagException {
        String value = require(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new FlagException("Failed to load flag '" + name + "': '" + value + "' is not a number");
        }
    }
}
