package mesoslab.standin.mesosdns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.SimpleResolver;

/**
 * Forwards a query for a name outside the Mesos domain to the configured resolvers, each tried in
 * turn over the client's own transport ({@code exchanger/forwarder.go}). No resolvers means the
 * query cannot be forwarded at all, which Mesos-DNS answers with REFUSED; resolvers that all fail
 * give SERVFAIL.
 */
public final class Upstream {
    private final List<InetSocketAddress> resolvers;
    private final Duration timeout;

    /** @param resolvers {@code ip} or {@code ip:port} ({@code [v6]:port}); port 53 when absent */
    public Upstream(List<String> resolvers, Duration timeout) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String resolver : resolvers) {
            MasterRecords.HostPort hp = MasterRecords.HostPort.split(resolver).orElse(new MasterRecords.HostPort(resolver, "53"));
            IpLiteral.parse(hp.host()).ifPresent(ip -> addresses.add(new InetSocketAddress(ip, Integer.parseInt(hp.port()))));
        }
        this.resolvers = List.copyOf(addresses);
        this.timeout = timeout;
    }

    /** Thrown when there is no resolver to forward to (answered REFUSED). */
    public static final class NoResolversException extends IOException {
        NoResolversException() {
            super("no resolvers to forward to");
        }
    }

    public Message forward(Message query, boolean tcp) throws IOException {
        if (resolvers.isEmpty()) {
            throw new NoResolversException();
        }
        IOException last = null;
        for (InetSocketAddress address : resolvers) {
            SimpleResolver resolver = new SimpleResolver(address);
            resolver.setTCP(tcp);
            resolver.setTimeout(timeout);
            // The upstream's truncated UDP answer is passed on as is, like Mesos-DNS does.
            resolver.setIgnoreTruncation(true);
            try {
                return resolver.send(query.clone());
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }
}
