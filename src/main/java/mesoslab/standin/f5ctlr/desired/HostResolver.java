package mesoslab.standin.f5ctlr.desired;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a task's {@code host} into the IP address a pool member needs. The real controller
 * resolves names over DNS (IPv4, cached for the life of the process) and skips a task whose host
 * does not resolve.
 */
@FunctionalInterface
public interface HostResolver {
    Optional<String> resolve(String host);

    /** DNS through the JDK, IPv4 first, answers cached like the real controller's. */
    static HostResolver dns() {
        Map<String, String> cache = new ConcurrentHashMap<>();
        return host -> {
            String cached = cache.get(host);
            if (cached != null) {
                return Optional.of(cached);
            }
            try {
                InetAddress[] all = InetAddress.getAllByName(host);
                InetAddress pick = all[0];
                for (InetAddress a : all) {
                    if (a instanceof java.net.Inet4Address) {
                        pick = a;
                        break;
                    }
                }
                cache.put(host, pick.getHostAddress());
                return Optional.of(pick.getHostAddress());
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        };
    }
}
