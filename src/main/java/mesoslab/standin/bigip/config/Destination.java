package mesoslab.standin.bigip.config;

import java.util.Locale;
import java.util.Optional;

/**
 * A virtual server's {@code destination} or a pool member's name taken apart:
 * {@code /mesos/10.2.10.81%0:80} is address {@code 10.2.10.81} in route domain 0, port 80.
 * IPv6 separates the port with a dot ({@code /P/fd00::1.80}), as BIG-IP writes it.
 *
 * @param partition   the partition prefix, or {@code null} when there was none
 * @param address     the IP address without route domain
 * @param routeDomain the {@code %N} suffix, 0 when absent
 * @param port        0 for {@code any}
 */
public record Destination(String partition, String address, int routeDomain, int port) {

    public static Optional<Destination> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.trim();
        String partition = null;
        if (s.startsWith("/")) {
            int slash = s.indexOf('/', 1);
            if (slash < 0) {
                return Optional.empty();
            }
            partition = s.substring(1, slash);
            s = s.substring(slash + 1);
        }
        boolean v6 = s.chars().filter(c -> c == ':').count() > 1;
        int sep = v6 ? s.lastIndexOf('.') : s.lastIndexOf(':');
        if (sep <= 0) {
            return Optional.empty();
        }
        String host = s.substring(0, sep);
        Integer port = port(s.substring(sep + 1));
        if (port == null) {
            return Optional.empty();
        }
        int rd = 0;
        int pct = host.indexOf('%');
        if (pct >= 0) {
            try {
                rd = Integer.parseInt(host.substring(pct + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            host = host.substring(0, pct);
        }
        return Optional.of(new Destination(partition, host, rd, port));
    }

    private static Integer port(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "any", "0": return 0;
            case "http": return 80;
            case "https": return 443;
            default:
                try {
                    int port = Integer.parseInt(text);
                    return port >= 0 && port <= 65535 ? port : null;
                } catch (NumberFormatException e) {
                    return null;
                }
        }
    }

    /** Whether {@code text} is an IP literal (possibly with {@code %rd}), not a node name. */
    public static boolean isIpLiteral(String text) {
        String host = text.contains("%") ? text.substring(0, text.indexOf('%')) : text;
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (host.contains(":") && host.matches("[0-9A-Fa-f:.]+"));
    }

    /** The address as BIG-IP writes it: the route domain only when it is not the default 0. */
    public String addressWithRouteDomain() {
        return routeDomain == 0 ? address : address + "%" + routeDomain;
    }

    /** The node part of a member name: {@code 10.2.10.22%0} of {@code 10.2.10.22%0:31001} (IPv6: {@code fd00::1} of {@code fd00::1.80}). */
    public static String memberNode(String memberName) {
        boolean v6 = memberName.chars().filter(c -> c == ':').count() > 1;
        int sep = v6 ? memberName.lastIndexOf('.') : memberName.lastIndexOf(':');
        return sep <= 0 ? null : memberName.substring(0, sep);
    }
}
