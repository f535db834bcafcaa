package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import mesoslab.standin.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The stand-in as a client sees it: real DNS over UDP and TCP, real HTTP, a real master over HTTP. */
class MesosDnsServerTest {
    static final String WEB_1 = StateFixture.WEB_1;
    static final String WEB_2 = StateFixture.WEB_2;

    @TempDir
    static Path dir;
    static FakeMasters masters;
    static MesosDnsServer server;
    static InetSocketAddress dns;
    static URI http;

    @BeforeAll
    static void start() throws Exception {
        masters = new FakeMasters();
        masters.serve(masters.newState().twoWebTasks("http"));
        // The follower is listed first: the stand-in must follow its 307 to the leader.
        server = MesosDnsFromConfig.start(dir, """
                {"masters": ["%s", "%s"], "refreshSeconds": 60, "ttl": 5, "domain": "mesos",
                 "port": 0, "listener": "127.0.0.1", "httpon": true, "httpport": 0, "HTTPListener": "127.0.0.1",
                 "dnson": true, "externalon": false, "resolvers": ["127.0.0.1"], "IPSources": ["host"],
                 "SOAMname": "ns1.mesos", "SOARname": "root.ns1.mesos",
                 "mesosCredentials": {"principal": "dns", "secret": "s3cret"}}
                """.formatted(masters.followerAddress(), masters.leaderAddress()));
        dns = server.dnsAddress().orElseThrow();
        http = URI.create("http://127.0.0.1:" + server.httpAddress().orElseThrow().getPort());
    }

    @AfterAll
    static void stop() {
        server.close();
        masters.close();
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void leaderAndMasterResolveToTheLeadingMaster(boolean tcp) throws Exception {
        Message reply = DnsClient.query(dns, "leader.mesos.", Type.A, tcp);

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(reply.getHeader().getFlag(Flags.RA)).isTrue();
        assertThat(DnsClient.answers(reply)).singleElement()
                .satisfies(r -> assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("127.0.0.1"))
                .satisfies(r -> assertThat(r.getTTL()).isEqualTo(5));
        assertThat(DnsClient.answers(DnsClient.query(dns, "Master.Mesos.", Type.A, tcp))).hasSize(1);
        // Both fake masters share 127.0.0.1, so Mesos-DNS counts one master: master0 only.
        assertThat(DnsClient.answers(DnsClient.query(dns, "master0.mesos.", Type.A, tcp))).hasSize(1);
        assertThat(DnsClient.query(dns, "master1.mesos.", Type.A, tcp).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void srvAnswerNamesEachTaskWithItsAddressInTheAdditionalSection(boolean tcp) throws Exception {
        Message reply = DnsClient.query(dns, "_web._tcp.marathon.mesos.", Type.SRV, tcp);
        String target1 = "web-" + ZBase32.taskHash(WEB_1) + "-s0.marathon.mesos.";
        String target2 = "web-" + ZBase32.taskHash(WEB_2) + "-s1.marathon.mesos.";

        assertThat(DnsClient.answers(reply)).hasSize(2).allSatisfy(r -> {
            SRVRecord srv = (SRVRecord) r;
            assertThat(srv.getPriority()).isZero();
            assertThat(srv.getWeight()).isEqualTo(1);
            assertThat(srv.getTTL()).isEqualTo(5);
        });
        assertThat(DnsClient.answers(reply)).extracting(r -> ((SRVRecord) r).getTarget().toString() + ":" + ((SRVRecord) r).getPort())
                .containsExactlyInAnyOrder(target1 + ":31474", target2 + ":31822");
        assertThat(reply.getSection(Section.ADDITIONAL))
                .extracting(r -> r.getName().toString() + "=" + ((ARecord) r).getAddress().getHostAddress())
                .containsExactlyInAnyOrder(target1 + "=127.0.0.21", target2 + "=127.0.0.22");
    }

    @Test
    void taskNameResolvesToEveryRunningInstance() throws Exception {
        Message reply = DnsClient.query(dns, "web.marathon.mesos.", Type.A, false);

        assertThat(DnsClient.answers(reply)).extracting(r -> ((ARecord) r).getAddress().getHostAddress())
                .containsExactlyInAnyOrder("127.0.0.21", "127.0.0.22");
        assertThat(DnsClient.answers(DnsClient.query(dns, "_web._tcp.marathon.slave.mesos.", Type.SRV, false))).hasSize(2);
    }

    @Test
    void unknownNameInTheDomainIsNxdomainWithTheSoaInAuthority() throws Exception {
        Message reply = DnsClient.query(dns, "nothing.marathon.mesos.", Type.A, false);

        assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(DnsClient.answers(reply)).isEmpty();
        assertThat(reply.getSection(Section.AUTHORITY)).singleElement().satisfies(r -> {
            SOARecord soa = (SOARecord) r;
            assertThat(soa.getHost().toString()).isEqualTo("ns1.mesos.");
            assertThat(soa.getAdmin().toString()).isEqualTo("root.ns1.mesos.");
            assertThat(soa.getMinimum()).isEqualTo(5);
            assertThat(soa.getSerial()).isPositive();
        });
    }

    @Test
    void knownNameWithoutThatTypeIsNodata() throws Exception {
        Message reply = DnsClient.query(dns, "leader.mesos.", Type.AAAA, false);

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(DnsClient.answers(reply)).isEmpty();
        assertThat(reply.getSection(Section.AUTHORITY)).hasSize(1);
    }

    @Test
    void soaAndNsQueriesAnswerInTheAuthoritySection() throws Exception {
        Message soa = DnsClient.query(dns, "mesos.", Type.SOA, false);
        Message ns = DnsClient.query(dns, "mesos.", Type.NS, true);

        assertThat(soa.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(soa.getSection(Section.AUTHORITY)).singleElement().isInstanceOf(SOARecord.class);
        assertThat(ns.getSection(Section.AUTHORITY)).singleElement()
                .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("ns1.mesos."));
    }

    @Test
    void nameOutsideTheDomainIsRefusedWhenExternalIsOff() throws Exception {
        Message reply = DnsClient.query(dns, "example.org.", Type.A, false);

        assertThat(reply.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(DnsClient.answers(reply)).isEmpty();
    }

    @Test
    void followerRedirectWasFollowedToTheLeader() {
        assertThat(masters.follower.requestLog()).contains("GET /master/state 307");
        assertThat(masters.leader.requestLog()).contains("GET /master/state 200");
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(http.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void httpHostsAndServicesHaveTheRealShapes() throws Exception {
        assertThat(get("/v1/version")).isEqualTo(Json.MAPPER.readTree(
                "{\"Service\":\"Mesos-DNS\",\"URL\":\"https://github.com/mesosphere/mesos-dns\",\"Version\":\"test-version\"}"));
        assertThat(get("/v1/hosts/leader.mesos")).isEqualTo(Json.MAPPER.readTree("[{\"host\":\"leader.mesos.\",\"ip\":\"127.0.0.1\"}]"));
        JsonNode services = get("/v1/services/_web._tcp.marathon.mesos.");
        assertThat(services).hasSize(2);
        assertThat(services.get(0).path("service").asText()).isEqualTo("_web._tcp.marathon.mesos.");
        assertThat(services.findValuesAsText("port")).containsExactlyInAnyOrder("31474", "31822");
        assertThat(services.get(0).path("port").isTextual()).isTrue();
    }

    @Test
    void httpLookupsWithoutRecordsAnswerOneEmptyRecord() throws Exception {
        assertThat(get("/v1/hosts/nothing.mesos")).isEqualTo(Json.MAPPER.readTree("[{\"host\":\"\",\"ip\":\"\"}]"));
        assertThat(get("/v1/services/_nothing._tcp.marathon.mesos"))
                .isEqualTo(Json.MAPPER.readTree("[{\"service\":\"\",\"host\":\"\",\"ip\":\"\",\"port\":\"\"}]"));
    }

    @Test
    void httpConfigUsesGoFieldNamesAndRedactsTheSecret() throws Exception {
        JsonNode config = get("/v1/config");

        assertThat(config.path("TTL").asInt()).isEqualTo(5);
        assertThat(config.path("HttpOn").asBoolean()).isTrue();
        assertThat(config.path("SOAMname").asText()).isEqualTo("ns1.mesos.");
        assertThat(config.path("Masters")).hasSize(2);
        assertThat(config.path("MesosCredentials").path("Principal").asText()).isEqualTo("dns");
        assertThat(config.path("MesosCredentials").path("Secret").asText()).isEqualTo("******");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void axfrHasTheZoneAndTheRecordMaps() throws Exception {
        JsonNode axfr = get("/v1/axfr");

        assertThat(axfr.path("Domain").asText()).isEqualTo("mesos");
        assertThat(axfr.path("Mname").asText()).isEqualTo("ns1.mesos.");
        assertThat(axfr.path("TTL").asInt()).isEqualTo(5);
        assertThat(axfr.path("Records").path("As").path("leader.mesos.").get(0).asText()).isEqualTo("127.0.0.1");
        assertThat(axfr.path("Records").path("SRVs").path("_web._tcp.marathon.mesos.")).hasSize(2);
    }

    @Test
    void enumerateListsTheTasksRecords() throws Exception {
        JsonNode frameworks = get("/v1/enumerate").path("frameworks");

        assertThat(frameworks.get(0).path("name").asText()).isEqualTo("marathon");
        assertThat(frameworks.get(0).path("tasks")).hasSize(2);
        List<String> names = frameworks.get(0).path("tasks").get(0).path("records").findValuesAsText("name");
        assertThat(names).contains("web.marathon.mesos.", "_web._tcp.marathon.mesos.");
    }
}
