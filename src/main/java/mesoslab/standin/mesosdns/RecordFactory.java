package mesoslab.standin.mesosdns;

import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;

/**
 * dnsjava records from record-set values. A value that does not form a valid record (a non-IP
 * agent "address", a bad SRV port) yields nothing, as Mesos-DNS logs and skips it.
 */
final class RecordFactory {
    private RecordFactory() {}

    static Name name(String fqdn) {
        try {
            return Name.fromString(fqdn.endsWith(".") ? fqdn : fqdn + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + fqdn, e);
        }
    }

    static Optional<Record> address(Name name, String ip, MesosDnsConfig config) {
        return IpLiteral.parse(ip).map(address -> IpLiteral.isIpv4(address)
                ? new ARecord(name, DClass.IN, config.ttl(), address)
                : new AAAARecord(name, DClass.IN, config.ttl(), address));
    }

    /** {@code target.:port} as {@code 0 <weight> <port> target.} */
    static Optional<Record> srv(Name name, String value, MesosDnsConfig config) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            return Optional.of(new SRVRecord(name, DClass.IN, config.ttl(), 0, config.srvRecordDefaultWeight(), port,
                    name(value.substring(0, colon))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
