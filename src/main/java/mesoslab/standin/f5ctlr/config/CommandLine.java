package mesoslab.standin.f5ctlr.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The controller's flags and their environment variables, and argparse's way of reading argv:
 * {@code --name value}, {@code --name=value}, one-letter aliases, {@code nargs='+'} lists that run
 * to the next flag, repeatable {@code append} flags, and valueless store-true flags.
 */
final class CommandLine {
    enum Arity { ONE, MANY, APPEND, FLAG }

    record Spec(String name, String alias, String env, Arity arity) {}

    static final List<Spec> SPECS = List.of(
            new Spec("marathon", "m", "MARATHON_URL", Arity.MANY),
            new Spec("hostname", null, "F5_CC_BIGIP_HOSTNAME", Arity.ONE),
            new Spec("username", null, "F5_CC_BIGIP_USERNAME", Arity.ONE),
            new Spec("password", null, "F5_CC_BIGIP_PASSWORD", Arity.ONE),
            new Spec("partition", null, "F5_CC_PARTITIONS", Arity.APPEND),
            new Spec("health-check", "H", "F5_CC_USE_HEALTHCHECK", Arity.FLAG),
            new Spec("marathon-ca-cert", null, "F5_CC_MARATHON_CA_CERT", Arity.ONE),
            new Spec("sse-timeout", "t", "F5_CC_SSE_TIMEOUT", Arity.ONE),
            new Spec("verify-interval", "v", "F5_CC_VERIFY_INTERVAL", Arity.ONE),
            new Spec("vs-snat-pool-name", null, "F5_CC_VS_SNAT_POOL_NAME", Arity.ONE),
            new Spec("log-format", null, "F5_CC_LOG_FORMAT", Arity.ONE),
            new Spec("log-level", null, "F5_CC_LOG_LEVEL", Arity.ONE),
            new Spec("marathon-auth-credential-file", null, "F5_CC_MARATHON_AUTH", Arity.ONE),
            new Spec("dcos-auth-credentials", null, "F5_CC_DCOS_AUTH_CREDENTIALS", Arity.ONE),
            new Spec("dcos-auth-token", null, "F5_CC_DCOS_AUTH_TOKEN", Arity.ONE),
            new Spec("bigip-cert-sha256", null, "F5_CC_BIGIP_CERT_SHA256", Arity.ONE),
            new Spec("bigip-ca-cert", null, "F5_CC_BIGIP_CA_CERT", Arity.ONE),
            new Spec("version", null, null, Arity.FLAG),
            new Spec("longhelp", null, null, Arity.FLAG),
            new Spec("help", "h", null, Arity.FLAG));

    private CommandLine() {}

    static Map<String, List<String>> read(String[] args) throws ConfigException {
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String body = arg.startsWith("--") ? arg.substring(2) : arg.startsWith("-") && arg.length() > 1 ? arg.substring(1) : null;
            if (body == null) {
                throw new ConfigException("unrecognized arguments: " + arg);
            }
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            Spec spec = SPECS.stream().filter(s -> arg.startsWith("--") ? s.name().equals(name) : name.equals(s.alias()))
                    .findFirst().orElseThrow(() -> new ConfigException("unrecognized arguments: " + arg));
            List<String> values = new ArrayList<>();
            if (eq >= 0) {
                values.add(body.substring(eq + 1));
            }
            switch (spec.arity()) {
                case FLAG -> {
                    if (eq >= 0) {
                        throw new ConfigException("argument --" + spec.name() + ": ignored explicit argument '" + values.get(0) + "'");
                    }
                }
                case ONE, APPEND -> {
                    if (values.isEmpty()) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                            throw new ConfigException("argument --" + spec.name() + ": expected one argument");
                        }
                        values.add(args[++i]);
                    }
                }
                case MANY -> {
                    while (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                        values.add(args[++i]);
                    }
                    if (values.isEmpty()) {
                        throw new ConfigException("argument --" + spec.name() + "/-" + spec.alias() + ": expected at least one argument");
                    }
                }
            }
            if (spec.arity() == Arity.APPEND) {
                given.computeIfAbsent(spec.name(), k -> new ArrayList<>()).addAll(values);
            } else {
                given.put(spec.name(), values);
            }
        }
        return given;
    }

    /** {@code [a, b]}, {@code ["a", "b"]}, {@code a,b} or {@code a b} to its elements. */
    static List<String> envList(String value) {
        String inner = value.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String part : inner.split("[,\\s]+")) {
            String p = part.strip();
            if (p.length() >= 2 && (p.startsWith("\"") && p.endsWith("\"") || p.startsWith("'") && p.endsWith("'"))) {
                p = p.substring(1, p.length() - 1);
            }
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    static boolean truthy(Spec spec, String value) throws ConfigException {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (List.of("true", "yes", "1", "on").contains(v)) {
            return true;
        }
        if (List.of("false", "no", "0", "off", "").contains(v)) {
            return false;
        }
        throw new ConfigException(spec.env() + ": expected true or false, got '" + value + "'");
    }
}
