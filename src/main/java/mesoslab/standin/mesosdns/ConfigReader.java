package mesoslab.standin.mesosdns;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import mesoslab.standin.http.Json;

/**
 * Reads Mesos-DNS's {@code config.json} with the real defaults ({@code records/config.go} NewConfig)
 * and the real checks (SetConfig and {@code records/validation.go}), plus the checks that make the
 * real binary fail later at start (listener addresses, {@code zk} URL, {@code refreshSeconds}).
 */
public final class ConfigReader {
    private static final Pattern DOMAIN = Pattern.compile("[a-zA-Z0-9-]+(\\.[a-zA-Z0-9-]+)*");
    private static final List<String> IP_SOURCES = List.of("netinfo", "mesos", "docker", "host");
    private static final long UINT32 = 0xffffffffL;

    private final List<String> systemResolvers;

    /** @param systemResolvers what an empty {@code resolvers} list falls back to (non-local resolv.conf servers) */
    public ConfigReader(List<String> systemResolvers) {
        this.systemResolvers = systemResolvers;
    }

    public MesosDnsConfig read(Path file) throws ConfigException {
        Path absolute = file.toAbsolutePath().normalize();
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(Files.readAllBytes(absolute));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException("missing configuration file: \"" + absolute + "\"");
        } catch (IOException e) {
            throw new ConfigException("failed to unmarshal config file \"" + absolute + "\": " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new ConfigException("config file \"" + absolute + "\" must hold one JSON object");
        }
        return parse(new JsonKeys(json), absolute.toString());
    }

    MesosDnsConfig parse(JsonKeys keys, String file) throws ConfigException {
        JsonKeys credentials = keys.object("MesosCredentials");
        boolean externalOn = keys.bool("ExternalOn", true);
        List<String> resolvers = keys.texts("Resolvers", List.of("8.8.8.8"));
        if (externalOn && resolvers.isEmpty()) {
            resolvers = systemResolvers;
        }
        String domain = keys.text("Domain", "mesos").toLowerCase(java.util.Locale.ROOT);
        MesosDnsConfig config = new MesosDnsConfig(
                (int) keys.integer("RefreshSeconds", 60, 1, Integer.MAX_VALUE),
                (int) keys.integer("Port", 53, 0, 65535),
                (int) keys.integer("Timeout", 5, 0, Integer.MAX_VALUE),
                (int) keys.integer("StateTimeoutSeconds", 300, 1, Integer.MAX_VALUE),
                (int) keys.integer("ZkDetectionTimeout", 30, 0, Integer.MAX_VALUE),
                (int) keys.integer("HttpPort", 8123, 0, 65535),
                (int) keys.integer("TTL", 60, 0, Integer.MAX_VALUE),
                (int) keys.integer("SRVRecordDefaultWeight", 1, 0, 65535),
                keys.integer("SOARefresh", 60, 0, UINT32),
                keys.integer("SOARetry", 600, 0, UINT32),
                keys.integer("SOAExpire", 86400, 0, UINT32),
                keys.integer("SOAMinttl", 60, 0, UINT32),
                keys.text("SOAMname", "ns1.mesos").replaceAll("\\.+$", "") + ".",
                keys.text("SOARname", "root.ns1.mesos").replace('@', '.').replaceAll("\\.+$", "") + ".",
                keys.texts("Masters", List.of()),
                keys.textLists("ZoneResolvers"),
                resolvers,
                keys.texts("IPSources", List.of("netinfo", "mesos", "host")),
                keys.text("Zk", ""),
                domain,
                file,
                keys.text("Listener", "0.0.0.0"),
                keys.text("HTTPListener", "0.0.0.0"),
                keys.bool("RecurseOn", true),
                keys.bool("DnsOn", true),
                keys.bool("HttpOn", true),
                externalOn,
                keys.bool("EnforceRFC952", false),
                keys.bool("SetTruncateBit", true),
                keys.bool("EnumerationOn", true),
                keys.bool("MesosHTTPSOn", false),
                keys.text("CACertFile", ""),
                keys.text("CertFile", ""),
                keys.text("KeyFile", ""),
                credentials.text("Principal", ""),
                credentials.text("Secret", ""),
                keys.text("IAMConfigFile", ""),
                keys.text("MesosAuthentication", ""));
        validate(config, keys);
        return config;
    }

    private static void validate(MesosDnsConfig c, JsonKeys keys) throws ConfigException {
        if (!c.dnsOn() && !c.httpOn()) {
            throw new ConfigException("service validation failed: either DNS or HTTP server should be on (config keys \""
                    + keys.spelling("DnsOn") + "\" and \"" + keys.spelling("HttpOn") + "\" are both false)");
        }
        if (c.masters().isEmpty() && c.zk().isEmpty()) {
            throw new ConfigException("service validation failed: specify Mesos masters or Zookeeper in config.json"
                    + " (config key \"masters\" or \"zk\")");
        }
        unique(keys.spelling("Masters"), c.masters(), ConfigReader::normaliseMaster);
        if (!c.zk().isEmpty()) {
            ZkUrl.parse(c.zk(), keys.spelling("Zk"));
        }
        if (c.externalOn()) {
            unique(keys.spelling("Resolvers"), c.resolvers(), ConfigReader::normaliseResolver);
            for (Map.Entry<String, List<String>> zone : c.zoneResolvers().entrySet()) {
                if (zone.getValue().isEmpty() || !DOMAIN.matcher(zone.getKey()).matches() || zone.getKey().equals(c.domain())) {
                    throw new ConfigException("config key \"" + keys.spelling("ZoneResolvers") + "\": zone \""
                            + zone.getKey() + "\" needs a valid name other than the Mesos domain and at least one resolver");
                }
                unique(keys.spelling("ZoneResolvers"), zone.getValue(), ConfigReader::normaliseResolver);
            }
        }
        if (c.ipSources().isEmpty() || new HashSet<>(c.ipSources()).size() != c.ipSources().size()
                || !IP_SOURCES.containsAll(c.ipSources())) {
            throw new ConfigException("IPSources validation failed: config key \"" + keys.spelling("IPSources")
                    + "\" must be a non-empty list without duplicates of " + IP_SOURCES + ", not " + c.ipSources());
        }
        if (!DOMAIN.matcher(c.domain()).matches()) {
            throw new ConfigException("config key \"" + keys.spelling("Domain") + "\": " + c.domain() + " is not a valid domain name");
        }
        ipLiteral(keys.spelling("Listener"), c.listener());
        ipLiteral(keys.spelling("HTTPListener"), c.httpListener());
        if (c.certFile().isEmpty() != c.keyFile().isEmpty()) {
            throw new ConfigException(c.certFile().isEmpty() ? "Missing certificate (config key \"CertFile\")"
                    : "Missing private key (config key \"KeyFile\")");
        }
        if (!List.of("", "basic", "iam").contains(c.mesosAuthentication())) {
            throw new ConfigException("config key \"" + keys.spelling("MesosAuthentication")
                    + "\" must be \"\", \"basic\" or \"iam\", not \"" + c.mesosAuthentication() + "\"");
        }
    }

    private interface Normaliser {
        String normalise(String value) throws IllegalArgumentException;
    }

    private static void unique(String key, List<String> values, Normaliser normaliser) throws ConfigException {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            String normalised;
            try {
                normalised = normaliser.normalise(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("config key \"" + key + "\": " + e.getMessage());
            }
            if (!seen.add(normalised)) {
                throw new ConfigException("config key \"" + key + "\": duplicate found: " + value);
            }
        }
    }

    private static String normaliseMaster(String hostPort) {
        MasterRecords.HostPort hp = MasterRecords.HostPort.split(hostPort)
                .orElseThrow(() -> new IllegalArgumentException("illegal host:port specified: " + hostPort));
        if (!validPort(hp.port())) {
            throw new IllegalArgumentException("illegal host:port specified: " + hostPort);
        }
        return IpLiteral.parse(hp.host()).map(IpLiteral::format).orElse(hp.host()) + ":" + hp.port();
    }

    private static String normaliseResolver(String resolver) {
        MasterRecords.HostPort hp = MasterRecords.HostPort.split(resolver).orElse(new MasterRecords.HostPort(resolver, "53"));
        InetAddress ip = IpLiteral.parse(hp.host())
                .orElseThrow(() -> new IllegalArgumentException("illegal ip specified: " + hp.host()));
        if (!validPort(hp.port())) {
            throw new IllegalArgumentException("illegal host:port specified: " + resolver);
        }
        return IpLiteral.format(ip) + ":" + hp.port();
    }

    private static boolean validPort(String port) {
        try {
            int p = Integer.parseInt(port);
            return p > 0 && p <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void ipLiteral(String key, String value) throws ConfigException {
        if (IpLiteral.parse(value).isEmpty()) {
            throw new ConfigException("config key \"" + key + "\" must be an IP address to listen on, not \"" + value + "\"");
        }
    }

    /** Non-local {@code nameserver} lines of a resolv.conf text, the fallback for an empty {@code resolvers}. */
    public static List<String> nameservers(String resolvConf) {
        List<String> servers = new ArrayList<>();
        for (String line : resolvConf.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver")
                    && IpLiteral.parse(words[1]).filter(ip -> !ip.isLoopbackAddress()).isPresent()) {
                servers.add(words[1]);
            }
        }
        return servers;
    }
}
