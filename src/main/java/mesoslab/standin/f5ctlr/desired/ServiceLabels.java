package mesoslab.standin.f5ctlr.desired;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import mesoslab.standin.f5ctlr.marathon.MarathonApp;
import mesoslab.standin.f5ctlr.marathon.MarathonApp.HealthCheck;
import mesoslab.standin.f5ctlr.model.Virtual.ProfileRef;

/**
 * The v1.1+ label schema for one service port index n: {@code F5_{n}_BIND_ADDR}, {@code _PORT},
 * {@code _MODE}, {@code _BALANCE}, {@code _SSL_PROFILE}, with the real controller's defaults
 * (mode {@code http} when a health check of that port has protocol exactly {@code HTTP}, else
 * {@code tcp}; {@code round-robin}; the Marathon service port) and its validation.
 */
public final class ServiceLabels {
    /** BIG-IP's load-balancing methods, the values {@code F5_{n}_BALANCE} may take. */
    static final Set<String> LB_METHODS = Set.of("dynamic-ratio-member", "dynamic-ratio-node", "fastest-app-response",
            "fastest-node", "least-connections-member", "least-connections-node", "least-sessions", "observed-member",
            "observed-node", "predictive-member", "predictive-node", "ratio-least-connections-member",
            "ratio-least-connections-node", "ratio-member", "ratio-node", "round-robin", "ratio-session",
            "weighted-least-connections-member", "weighted-least-connections-node");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ServiceLabels() {}

    public static LabelOutcome read(MarathonApp app, int index, int marathonServicePort) {
        Map<String, String> labels = app.labels();
        String prefix = "F5_" + index + "_";
        if (labels.containsKey(prefix + "IAPP_TEMPLATE")) {
            return new LabelOutcome.IApp(labels.get(prefix + "IAPP_TEMPLATE"));
        }
        List<HealthCheck> checks = app.healthChecks().stream().filter(hc -> hc.appliesTo(index)).toList();
        List<String> warnings = new ArrayList<>();

        int port = marathonServicePort;
        String portLabel = labels.get(prefix + "PORT");
        if (portLabel != null) {
            try {
                port = Integer.parseInt(portLabel.trim());
            } catch (NumberFormatException e) {
                return invalid("F5_PORT", app, portLabel);
            }
        }
        String mode = labels.getOrDefault(prefix + "MODE",
                checks.stream().anyMatch(hc -> hc.protocol().equals("HTTP")) ? "http" : "tcp");
        String bindAddr = labels.get(prefix + "BIND_ADDR");
        String balance = labels.getOrDefault(prefix + "BALANCE", "round-robin");

        String lowerMode = mode.toLowerCase(Locale.ROOT);
        if (!Set.of("http", "tcp", "udp").contains(lowerMode)) {
            return invalid("F5_MODE", app, mode);
        }
        if (port < 1 || port > 65535) {
            return invalid("F5_PORT", app, String.valueOf(port));
        }
        if (bindAddr != null && !isBigIpAddress(bindAddr)) {
            return invalid("F5_BIND_ADDR", app, bindAddr);
        }
        if (!LB_METHODS.contains(balance)) {
            return invalid("F5_BALANCE", app, balance);
        }
        ProfileRef ssl = null;
        String profile = labels.get(prefix + "SSL_PROFILE");
        if (profile != null) {
            String[] parts = profile.split("/", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                // The real controller logs this and goes on without the profile.
                warnings.add("Could not parse partition and name from SSL profile: " + profile);
            } else {
                ssl = new ProfileRef(parts[0], parts[1]);
            }
        }
        return new LabelOutcome.Service(new ServiceSpec(index, port, bindAddr, lowerMode, balance, ssl, checks), warnings);
    }

    private static LabelOutcome invalid(String label, MarathonApp app, String value) {
        return new LabelOutcome.Invalid("Application label " + label + " for " + app.id() + " contains an invalid value: " + value);
    }

    /** An IPv4 or IPv6 literal, optionally with {@code %<route domain>}. */
    static boolean isBigIpAddress(String text) {
        String address = text;
        int pct = text.indexOf('%');
        if (pct >= 0) {
            if (!text.substring(pct + 1).matches("\\d+")) {
                return false;
            }
            address = text.substring(0, pct);
        }
        if (IPV4.matcher(address).matches()) {
            return true;
        }
        if (!IPV6.matcher(address).matches()) {
            return false;
        }
        try {
            // Only hex digits, dots and colons get here, so this parses a literal and never asks DNS.
            return java.net.InetAddress.getByName(address) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
