package mesoslab.standin.mesosdns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/** Real DNS queries with dnsjava's SimpleResolver, over UDP or TCP. */
final class DnsClient {
    private DnsClient() {}

    static Message query(InetSocketAddress server, String name, int type, boolean tcp) throws IOException {
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(3));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    static List<Record> answers(Message message) {
        return message.getSection(Section.ANSWER);
    }
}
