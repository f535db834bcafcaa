package mesoslab.standin.f5ctlr.model;

import java.util.Optional;

/**
 * Address spellings BIG-IP uses: {@code ip%rd:port} for IPv4 and {@code ip%rd.port} for IPv6
 * (a colon would be ambiguous). BIG-IP may leave {@code %0} out for route domain 0; {@link
 * #withRouteDomain} puts it back so both spellings compare equal.
 */
public final class Addresses {
    private Addresses() {}

    public static boolean isIpv6(String host) {
        return host.indexOf(':') != host.lastIndexOf(':');
    }

    /** {@code 10.2.10.22%0:31001} from host, route domain and port. */
    public static String member(String ip, int routeDomain, int port) {
        return withRouteDomain(ip, routeDomain) + (isIpv6(ip) ? "." : ":") + port;
    }

    /** The address with {@code %rd}, unless it already names one. */
    public static String withRouteDomain(String address, int routeDomain) {
        return address.contains("%") ? address : address + "%" + routeDomain;
    }

    /** Splits {@code addr[%rd]:port} (or {@code addr[%rd].port} for IPv6) at the port separator. */
    public static Optional<String[]> splitPort(String text) {
        boolean v6 = isIpv6(text);
        int sep = v6 ? text.lastIndexOf('.') : text.lastIndexOf(':');
        if (sep <= 0 || sep == text.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new String[] {text.substring(0, sep), text.substring(sep + 1)});
    }

    /** A member or destination with the route domain made explicit: {@code 10.1.1.1:80} → {@code 10.1.1.1%0:80}. */
    public static String canonicalEndpoint(String text, int routeDomain) {
        return splitPort(text)
                .map(p -> withRouteDomain(p[0], routeDomain) + (isIpv6(p[0]) ? "." : ":") + p[1])
                .orElse(text);
    }

    /** A virtual's destination {@code /P/addr[%rd]:port} with the route domain made explicit. */
    public static String canonicalDestination(String destination, String partition, int routeDomain) {
        String prefix = "/" + partition + "/";
        String rest = destination;
        if (destination.startsWith("/")) {
            int slash = destination.indexOf('/', 1);
            if (slash > 0) {
                prefix = destination.substring(0, slash + 1);
                rest = destination.substring(slash + 1);
            }
        }
        return prefix + canonicalEndpoint(rest, routeDomain);
    }

    /** The node name part of a member name: {@code 10.2.10.22%0} of {@code 10.2.10.22%0:31001}. */
    public static String nodeOf(String memberName) {
        return splitPort(memberName).map(p -> p[0]).orElse(memberName);
    }

    /** The address part of a destination: {@code 10.2.10.81%0} of {@code /mesos/10.2.10.81%0:80}. */
    public static String addressOf(String destination) {
        String rest = destination.startsWith("/") ? destination.substring(destination.indexOf('/', 1) + 1) : destination;
        return nodeOf(rest);
    }
}
