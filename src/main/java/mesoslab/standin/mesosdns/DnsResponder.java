package mesoslab.standin.mesosdns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Answers one DNS query the way Mesos-DNS's resolver does ({@code resolver/resolver.go}): names in
 * the Mesos domain from the current record set (authoritative; RA = {@code RecurseOn}; SOA and NS
 * in the authority section; SRV targets' A records in the additional section; NXDOMAIN with the
 * SOA for unknown names, NOERROR when the name has other types), other names forwarded upstream.
 */
public final class DnsResponder {
    private final MesosDnsConfig config;
    private final Supplier<RecordSet> records;
    private final LongSupplier soaSerial;
    private final Upstream upstream;
    private final Map<String, Upstream> zoneUpstreams;
    private final Random random = new Random();

    public DnsResponder(MesosDnsConfig config, Supplier<RecordSet> records, LongSupplier soaSerial, Upstream upstream) {
        this(config, records, soaSerial, upstream, Map.of());
    }

    /** @param zoneUpstreams per {@code ZoneResolvers} zone (lower-case, no trailing dot), its own resolvers */
    public DnsResponder(MesosDnsConfig config, Supplier<RecordSet> records, LongSupplier soaSerial, Upstream upstream,
                        Map<String, Upstream> zoneUpstreams) {
        this.config = config;
        this.records = records;
        this.soaSerial = soaSerial;
        this.upstream = upstream;
        this.zoneUpstreams = Map.copyOf(zoneUpstreams);
    }

    /** The wire answer to {@code query}; {@code null} when the bytes are not a DNS message. */
    public byte[] answer(byte[] query, boolean tcp) {
        Message request;
        try {
            request = new Message(query);
        } catch (IOException e) {
            return null;
        }
        Message reply;
        Record question = request.getQuestion();
        if (question == null) {
            reply = replyTo(request);
            reply.getHeader().setRcode(Rcode.SERVFAIL);
        } else if (inMesosDomain(question.getName())) {
            reply = new MesosAnswer(request).build();
        } else {
            reply = forward(request, tcp);
        }
        return Truncation.toWire(reply, maxSize(request, tcp), config.setTruncateBit());
    }

    private boolean inMesosDomain(Name name) {
        String lower = name.toString().toLowerCase(Locale.ROOT);
        String zone = config.domain() + ".";
        return lower.equals(zone) || lower.endsWith("." + zone);
    }

    /** Like the Go DNS mux, the most specific matching zone picks the upstream. */
    private Upstream upstreamFor(Name name) {
        String lower = name.toString().toLowerCase(Locale.ROOT);
        Upstream best = upstream;
        int bestLength = -1;
        for (Map.Entry<String, Upstream> zone : zoneUpstreams.entrySet()) {
            String suffix = zone.getKey() + ".";
            if ((lower.equals(suffix) || lower.endsWith("." + suffix)) && suffix.length() > bestLength) {
                best = zone.getValue();
                bestLength = suffix.length();
            }
        }
        return best;
    }

    private Message forward(Message request, boolean tcp) {
        try {
            Message response = upstreamFor(request.getQuestion().getName()).forward(request, tcp);
            response.getHeader().setID(request.getHeader().getID());
            return response;
        } catch (Upstream.NoResolversException e) {
            return failure(request, Rcode.REFUSED);
        } catch (IOException | RuntimeException e) {
            return failure(request, Rcode.SERVFAIL);
        }
    }

    private static Message failure(Message request, int rcode) {
        Message reply = replyTo(request);
        reply.getHeader().setRcode(rcode);
        return reply;
    }

    /** Go's {@code SetReply}: same id, opcode, RD and CD, the question copied, QR set. */
    private static Message replyTo(Message request) {
        Message reply = new Message(request.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setOpcode(request.getHeader().getOpcode());
        if (request.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setFlag(Flags.RD);
        }
        if (request.getHeader().getFlag(Flags.CD)) {
            reply.getHeader().setFlag(Flags.CD);
        }
        if (request.getQuestion() != null) {
            reply.addRecord(request.getQuestion(), Section.QUESTION);
        }
        return reply;
    }

    private static int maxSize(Message request, boolean tcp) {
        if (tcp) {
            return 65535;
        }
        return request.getOPT() == null ? 512 : Math.max(512, request.getOPT().getPayloadSize());
    }

    /** The answer for a name inside the Mesos domain. */
    private final class MesosAnswer {
        private final Message request;
        private final Message reply;
        private final Name questionName;
        private final Name name;
        private final String key;
        private final RecordSet rrs = records.get();

        MesosAnswer(Message request) {
            this.request = request;
            this.reply = replyTo(request);
            reply.getHeader().setFlag(Flags.AA);
            if (config.recurseOn()) {
                reply.getHeader().setFlag(Flags.RA);
            }
            this.questionName = request.getQuestion().getName();
            // Mesos-DNS strips ".*" wildcards and matches lower-case.
            this.key = questionName.toString().replace(".*", "").toLowerCase(Locale.ROOT);
            this.name = RecordFactory.name(key);
        }

        Message build() {
            int type = request.getQuestion().getType();
            switch (type) {
                case Type.SRV -> srv();
                case Type.A -> address(RecordSet.Kind.A);
                case Type.AAAA -> address(RecordSet.Kind.AAAA);
                case Type.SOA -> reply.addRecord(soa(), Section.AUTHORITY);
                case Type.NS -> reply.addRecord(ns(), Section.AUTHORITY);
                case Type.ANY -> {
                    srv();
                    address(RecordSet.Kind.A);
                    address(RecordSet.Kind.AAAA);
                    reply.addRecord(soa(), Section.AUTHORITY);
                    reply.addRecord(ns(), Section.AUTHORITY);
                }
                default -> { }
            }
            List<Record> answers = new ArrayList<>(reply.getSection(Section.ANSWER));
            if (answers.isEmpty()) {
                empty(type);
            } else {
                Collections.shuffle(answers, random);
                reply.removeAllRecords(Section.ANSWER);
                answers.forEach(r -> reply.addRecord(r, Section.ANSWER));
            }
            return reply;
        }

        private void srv() {
            Set<String> additional = new HashSet<>();
            for (String value : rrs.values(RecordSet.Kind.SRV, key)) {
                RecordFactory.srv(questionName, value, config).ifPresent(srv -> {
                    reply.addRecord(srv, Section.ANSWER);
                    String target = value.substring(0, value.lastIndexOf(':'));
                    if (additional.add(target)) {
                        rrs.first(RecordSet.Kind.A, target).flatMap(ip -> RecordFactory.address(RecordFactory.name(target), ip, config))
                                .ifPresent(a -> reply.addRecord(a, Section.ADDITIONAL));
                        rrs.first(RecordSet.Kind.AAAA, target).flatMap(ip -> RecordFactory.address(RecordFactory.name(target), ip, config))
                                .ifPresent(a -> reply.addRecord(a, Section.ADDITIONAL));
                    }
                });
            }
        }

        private void address(RecordSet.Kind kind) {
            for (String ip : rrs.values(kind, key)) {
                RecordFactory.address(name, ip, config).ifPresent(r -> reply.addRecord(r, Section.ANSWER));
            }
        }

        /** No answer: NXDOMAIN + SOA, or NODATA + SOA when the name exists; SOA/NS/SRV stay NOERROR. */
        private void empty(int type) {
            if (type == Type.SOA || type == Type.NS || type == Type.SRV) {
                return;
            }
            reply.getHeader().setRcode(rrs.hasName(key) ? Rcode.NOERROR : Rcode.NXDOMAIN);
            reply.addRecord(soa(), Section.AUTHORITY);
        }

        private Record soa() {
            // Mesos-DNS writes the TTL, not SOAMinttl, into the SOA's minimum field.
            return new SOARecord(questionName, DClass.IN, config.ttl(), RecordFactory.name(config.soaMname()),
                    RecordFactory.name(config.soaRname()), soaSerial.getAsLong(), config.soaRefresh(), config.soaRetry(),
                    config.soaExpire(), config.ttl());
        }

        private Record ns() {
            return new NSRecord(questionName, DClass.IN, config.ttl(), RecordFactory.name(config.soaMname()));
        }
    }
}
