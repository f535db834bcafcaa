package mesoslab.standin.f5ctlr.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import mesoslab.standin.f5ctlr.log.Log;

/**
 * marathon-bigip-ctlr's command line and environment ({@code get_arg_parser}, configargparse):
 * a flag on the command line wins over its environment variable, which wins over the default.
 * Both {@code --flag value} and {@code --flag=value} are accepted; {@code --marathon} takes one or
 * more URLs, {@code --partition} may be repeated. A list in an environment variable may be written
 * {@code [a, b]}, {@code ["a","b"]} or {@code a,b} (the real one's list syntax there is not
 * documented; commas cannot occur in partition names or Marathon URLs, so splitting on them is safe).
 *
 * <p>Two settings are this stand-in's own: {@code --bigip-cert-sha256} /
 * {@code F5_CC_BIGIP_CERT_SHA256} pins the BIG-IP's certificate, {@code --bigip-ca-cert} /
 * {@code F5_CC_BIGIP_CA_CERT} verifies it against a CA bundle; by default, as with the real
 * controller, the BIG-IP's certificate is not verified.
 */
public final class ControllerFlags {
    /** What the command line asks for. */
    public sealed interface Parsed {
        record Run(ControllerConfig config) implements Parsed {}

        /** {@code --version}, {@code --help}, {@code --longhelp}: print and exit 0. */
        record Print(String text) implements Parsed {}
    }

    static final String USAGE = "usage: marathon-bigip-ctlr [-h] [--longhelp] [--marathon MARATHON [MARATHON ...]]\n"
            + "       [--hostname HOSTNAME] [--username USERNAME] [--password PASSWORD] [--partition PARTITION]\n"
            + "       [--health-check] [--marathon-ca-cert MARATHON_CA_CERT] [--sse-timeout SSE_TIMEOUT]\n"
            + "       [--verify-interval VERIFY_INTERVAL] [--vs-snat-pool-name VS_SNAT_POOL_NAME] [--log-format LOG_FORMAT]\n"
            + "       [--log-level LOG_LEVEL] [--marathon-auth-credential-file FILE] [--bigip-cert-sha256 HEX]\n"
            + "       [--bigip-ca-cert PEM] [--version]\n"
            + "Each flag may also come from its environment variable: MARATHON_URL, F5_CC_BIGIP_HOSTNAME, F5_CC_BIGIP_USERNAME,\n"
            + "F5_CC_BIGIP_PASSWORD, F5_CC_PARTITIONS, F5_CC_USE_HEALTHCHECK, F5_CC_MARATHON_CA_CERT, F5_CC_SSE_TIMEOUT,\n"
            + "F5_CC_VERIFY_INTERVAL, F5_CC_VS_SNAT_POOL_NAME, F5_CC_LOG_FORMAT, F5_CC_LOG_LEVEL, F5_CC_MARATHON_AUTH,\n"
            + "F5_CC_BIGIP_CERT_SHA256, F5_CC_BIGIP_CA_CERT.";

    private ControllerFlags() {}

    public static Parsed parse(String[] args, Map<String, String> env, String version) throws ConfigException {
        Map<String, List<String>> given = CommandLine.read(args);
        if (given.containsKey("help")) {
            return new Parsed.Print(USAGE);
        }
        if (given.containsKey("longhelp")) {
            return new Parsed.Print(USAGE + "\n\nService configuration lives in Marathon app labels (F5_PARTITION, "
                    + "F5_{n}_BIND_ADDR, F5_{n}_PORT, F5_{n}_MODE, F5_{n}_BALANCE, F5_{n}_SSL_PROFILE).");
        }
        if (given.containsKey("version")) {
            return new Parsed.Print("Version:  " + version + " \nBuild:  mesoslab-standin");
        }
        for (CommandLine.Spec spec : CommandLine.SPECS) {
            if (!given.containsKey(spec.name()) && spec.env() != null && env.containsKey(spec.env())) {
                String value = env.get(spec.env());
                if (spec.arity() == CommandLine.Arity.FLAG) {
                    if (CommandLine.truthy(spec, value)) {
                        given.put(spec.name(), List.of());
                    }
                } else {
                    given.put(spec.name(), spec.arity() == CommandLine.Arity.ONE ? List.of(value) : CommandLine.envList(value));
                }
            }
        }
        return new Parsed.Run(build(given, env));
    }

    private static ControllerConfig build(Map<String, List<String>> given, Map<String, String> env) throws ConfigException {
        List<String> marathon = given.getOrDefault("marathon", List.of());
        if (marathon.isEmpty()) {
            throw new ConfigException("argument --marathon/-m is required");
        }
        List<String> partitions = new ArrayList<>();
        for (String value : given.getOrDefault("partition", List.of())) {
            for (String p : value.split(",")) {
                if (!p.isBlank()) {
                    partitions.add(p.trim());
                }
            }
        }
        if (partitions.isEmpty()) {
            throw new ConfigException("argument --partition is required: please specify at least one partition name");
        }
        for (String p : partitions) {
            if (p.equals("*")) {
                throw new ConfigException("argument --partition: '*' is not supported (since v1.1.0); name each partition");
            }
            if (p.equals("Common")) {
                throw new ConfigException("argument --partition: Common cannot be managed; create a partition for the controller");
            }
        }
        String hostname = required(given, "hostname");
        String username = required(given, "username");
        String password = required(given, "password");
        if (given.containsKey("dcos-auth-credentials") || given.containsKey("dcos-auth-token")) {
            throw new ConfigException("DC/OS authentication (--dcos-auth-credentials, --dcos-auth-token) is not supported by this stand-in");
        }
        int sseTimeout = positive(given, "sse-timeout", "--sse-timeout/-t", "--sse-timeout");
        int verifyInterval = positive(given, "verify-interval", "--verify-interval/-v", "--verification-interval");
        String level = one(given, "log-level").orElse("INFO").toUpperCase(Locale.ROOT);
        if (!Log.LEVELS.contains(level)) {
            throw new ConfigException("argument --log-level: invalid choice: '" + level + "' (choose from " + Log.LEVELS + ")");
        }
        TlsTrust trust = new TlsTrust.Insecure();
        if (one(given, "bigip-cert-sha256").isPresent() && one(given, "bigip-ca-cert").isPresent()) {
            throw new ConfigException("argument --bigip-cert-sha256: not allowed with argument --bigip-ca-cert");
        }
        if (one(given, "bigip-cert-sha256").isPresent()) {
            String pin = one(given, "bigip-cert-sha256").get();
            if (!pin.replace(":", "").matches("[0-9A-Fa-f]{64}")) {
                throw new ConfigException("argument --bigip-cert-sha256: expected 64 hex digits (colons allowed), got '" + pin + "'");
            }
            trust = new TlsTrust.Pinned(pin);
        } else if (one(given, "bigip-ca-cert").isPresent()) {
            trust = new TlsTrust.CaBundle(existing(one(given, "bigip-ca-cert").get(), "--bigip-ca-cert"));
        }
        List<URI> marathonUrls = new ArrayList<>();
        for (String url : marathon) {
            marathonUrls.add(marathonUrl(url));
        }
        ControllerConfig.Marathon m = new ControllerConfig.Marathon(marathonUrls,
                one(given, "marathon-ca-cert").isPresent()
                        ? Optional.of(existing(one(given, "marathon-ca-cert").get(), "--marathon-ca-cert")) : Optional.empty(),
                authFile(one(given, "marathon-auth-credential-file")), Duration.ofSeconds(sseTimeout),
                given.containsKey("health-check"), Optional.ofNullable(env.get("FRAMEWORK_NAME")).filter(s -> !s.isBlank()));
        ControllerConfig.BigIp b = new ControllerConfig.BigIp(bigipUrl(hostname), username, new Password(password), partitions,
                trust, one(given, "vs-snat-pool-name").orElse(""));
        return new ControllerConfig(m, b, ControllerConfig.Timing.of(Duration.ofSeconds(verifyInterval)),
                new ControllerConfig.Logging(level, one(given, "log-format").orElse(Log.DEFAULT_FORMAT)));
    }

    /** {@code https://} is put in front of a bare host; the scheme must be https and the path empty or {@code /}. */
    static URI bigipUrl(String hostname) throws ConfigException {
        String text = hostname.contains("://") ? hostname : "https://" + hostname;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ConfigException("argument --hostname: not a host name or URL: '" + hostname + "'");
        }
        if (!"https".equals(uri.getScheme())) {
            throw new ConfigException("argument --hostname requires 'https' protocol");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new ConfigException("argument --hostname: path must be empty or '/'");
        }
        if (uri.getHost() == null) {
            throw new ConfigException("argument --hostname: no host in '" + hostname + "'");
        }
        return URI.create("https://" + (uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost())
                + ":" + (uri.getPort() < 0 ? 443 : uri.getPort()));
    }

    private static URI marathonUrl(String url) throws ConfigException {
        try {
            URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (uri.getHost() == null || !List.of("http", "https").contains(String.valueOf(uri.getScheme()))) {
                throw new ConfigException("argument --marathon/-m: expected an http(s) URL, got '" + url + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("argument --marathon/-m: not a URL: '" + url + "'");
        }
    }

    private static Optional<Password> authFile(Optional<String> file) throws ConfigException {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            String credentials = Files.readString(existing(file.get(), "--marathon-auth-credential-file")).strip();
            if (!credentials.contains(":")) {
                throw new ConfigException("argument --marathon-auth-credential-file: the file must hold user:password");
            }
            return Optional.of(new Password(credentials));
        } catch (IOException e) {
            throw new ConfigException("argument --marathon-auth-credential-file: cannot read " + file.get() + ": " + e.getMessage());
        }
    }

    private static Path existing(String file, String flag) throws ConfigException {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new ConfigException("argument " + flag + ": cannot read " + file);
        }
        return path;
    }

    private static Optional<String> one(Map<String, List<String>> given, String name) {
        List<String> values = given.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    private static String required(Map<String, List<String>> given, String name) throws ConfigException {
        return one(given, name).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new ConfigException("argument --" + name + " is required: please specify"));
    }

    private static int positive(Map<String, List<String>> given, String name, String display, String errorName) throws ConfigException {
        String value = one(given, name).orElse("30");
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("argument " + display + ": invalid int value: '" + value + "'");
        }
        if (n < 1) {
            throw new ConfigException("argument " + errorName + " must be > 0");
        }
        return n;
    }
}
