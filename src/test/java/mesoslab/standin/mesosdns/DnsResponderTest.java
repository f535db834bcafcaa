package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import mesoslab.standin.http.Json;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The responder on wire bytes, without sockets: truncation, case and wildcard handling. */
class DnsResponderTest {

    private static MesosDnsConfig config(boolean setTruncateBit) throws Exception {
        ObjectNode json = Json.object().put("ttl", 5).put("externalon", false).put("SetTruncateBit", setTruncateBit);
        json.putArray("masters").add("127.0.0.1:5050");
        return new ConfigReader(List.of()).parse(new JsonKeys(json), "config.json");
    }

    /** Forty instances of one app: the SRV answer with its additional records outgrows 512 bytes. */
    private static RecordSet manyTasks() {
        StateFixture state = new StateFixture("127.0.0.1", 5050).agent(0, "127.0.0.21");
        ObjectNode marathon = state.framework("marathon", "127.0.0.1");
        for (int i = 0; i < 40; i++) {
            StateFixture.marathonTask(marathon, "web." + i, "web", 0, "TASK_RUNNING", null, 31000 + i);
        }
        return new RecordGenerator("mesos", "ns1.mesos.", "127.0.0.1", List.of(), List.of("host"), LabelSpec.RFC1123,
                host -> List.of()).generate(MasterStateParser.parse(state.json()), List.of());
    }

    private static Message ask(DnsResponder responder, String name, int type, boolean tcp) throws Exception {
        Message query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
        return new Message(responder.answer(query.toWire(), tcp));
    }

    @Test
    void largeUdpAnswerDropsAdditionalRecordsThenAnswersAndSetsTc() throws Exception {
        RecordSet rrs = manyTasks();
        DnsResponder responder = new DnsResponder(config(true), () -> rrs, () -> 1L, new Upstream(List.of(), Duration.ofSeconds(1)));

        Message udp = ask(responder, "_web._tcp.marathon.mesos.", Type.SRV, false);
        Message tcp = ask(responder, "_web._tcp.marathon.mesos.", Type.SRV, true);

        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(udp.getSection(Section.ADDITIONAL)).isEmpty();
        assertThat(udp.getSection(Section.ANSWER)).isNotEmpty().hasSizeLessThan(40);
        assertThat(udp.toWire().length).isLessThanOrEqualTo(512);
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(40);
        assertThat(tcp.getSection(Section.ADDITIONAL)).hasSize(40);
    }

    @Test
    void truncationWithoutTheTcBitWhenSetTruncateBitIsFalse() throws Exception {
        RecordSet rrs = manyTasks();
        DnsResponder responder = new DnsResponder(config(false), () -> rrs, () -> 1L, new Upstream(List.of(), Duration.ofSeconds(1)));

        Message udp = ask(responder, "_web._tcp.marathon.mesos.", Type.SRV, false);

        assertThat(udp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(udp.toWire().length).isLessThanOrEqualTo(512);
    }

    @Test
    void matchesNamesCaseInsensitivelyAndIgnoresWildcardLabels() throws Exception {
        RecordSet rrs = manyTasks();
        DnsResponder responder = new DnsResponder(config(true), () -> rrs, () -> 1L, new Upstream(List.of(), Duration.ofSeconds(1)));

        assertThat(ask(responder, "WEB.Marathon.MESOS.", Type.A, false).getSection(Section.ANSWER)).hasSize(1);
        assertThat(ask(responder, "web.*.marathon.mesos.", Type.A, false).getSection(Section.ANSWER)).hasSize(1);
        assertThat(ask(responder, "nope.mesos.", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        // An unknown SRV name stays NOERROR without SOA, as in Mesos-DNS.
        Message srv = ask(responder, "_nope._tcp.marathon.mesos.", Type.SRV, false);
        assertThat(srv.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(srv.getSection(Section.AUTHORITY)).isEmpty();
    }

    @Test
    void garbageIsNotAnswered() throws Exception {
        DnsResponder responder = new DnsResponder(config(true), RecordSet::empty, () -> 1L, new Upstream(List.of(), Duration.ofSeconds(1)));

        assertThat(responder.answer(new byte[] {1, 2, 3}, false)).isNull();
    }
}
