package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mesoslab.testsupport.MachineTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stand-in answering Debian's {@code dig} (bind9-dnsutils), the tool an operator checks
 * Mesos-DNS with, over UDP and TCP, from a hand-written {@code /master/state}. Without dig the
 * tests are skipped, except with {@code CI=true}, where they fail.
 */
class DigTest {
    private static final String TARGET_1 = "web-" + ZBase32.taskHash(StateFixture.WEB_1) + "-s0.marathon.mesos.";
    private static final String TARGET_2 = "web-" + ZBase32.taskHash(StateFixture.WEB_2) + "-s1.marathon.mesos.";

    @TempDir
    static Path dir;
    static FakeMasters masters;
    static MesosDnsServer server;
    static InetSocketAddress dns;

    @BeforeAll
    static void start() throws Exception {
        masters = new FakeMasters();
        masters.serve(masters.newState().twoWebTasks(null));
        server = MesosDnsFromConfig.start(dir, """
                {"masters": ["%s"], "refreshSeconds": 60, "ttl": 5, "domain": "mesos",
                 "port": 0, "listener": "127.0.0.1", "httpon": false, "dnson": true, "externalon": false,
                 "IPSources": ["host"], "SOAMname": "ns1.mesos", "SOARname": "root.ns1.mesos",
                 "SOARefresh": 60, "SOARetry": 600, "SOAExpire": 86400, "SOAMinttl": 60}
                """.formatted(masters.leaderAddress()));
        dns = server.dnsAddress().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (masters != null) {
            masters.close();
        }
    }

    /** Runs dig; each test (not the class) is skipped or failed without it, so the report counts them. */
    private static DigOutput dig(boolean tcp, String name, String type) throws Exception {
        Path dig = MachineTools.requireInCi("dig", "bind9-dnsutils");
        List<String> argv = new ArrayList<>(List.of(dig.toString(), "@" + dns.getAddress().getHostAddress(), "-p",
                String.valueOf(dns.getPort()), name, type, "+noall", "+comments", "+answer", "+authority", "+additional",
                "+time=3", "+tries=1"));
        if (tcp) {
            argv.add("+tcp");
        }
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("dig did not finish: " + argv);
        }
        assertThat(process.exitValue()).as(String.join(" ", argv) + "\n" + out).isZero();
        return DigOutput.parse(out);
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void aQueryForTheAppNameAnswersEveryRunningTasksAgentAuthoritatively(boolean tcp) throws Exception {
        DigOutput out = dig(tcp, "web.marathon.mesos", "A");

        assertThat(out.status()).as(out.raw()).isEqualTo("NOERROR");
        assertThat(out.flags()).as(out.raw()).contains("qr", "aa", "ra");
        assertThat(out.section("ANSWER")).as(out.raw()).containsExactly(
                "web.marathon.mesos. 5 IN A 127.0.0.21",
                "web.marathon.mesos. 5 IN A 127.0.0.22");
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void anSrvQueryNamesEachTaskAndPortAndCarriesTheTargetsAddressesAsAdditionalRecords(boolean tcp) throws Exception {
        DigOutput out = dig(tcp, "_web._tcp.marathon.mesos", "SRV");

        assertThat(out.status()).as(out.raw()).isEqualTo("NOERROR");
        assertThat(out.section("ANSWER")).as(out.raw()).containsExactly(
                "_web._tcp.marathon.mesos. 5 IN SRV 0 1 31474 " + TARGET_1,
                "_web._tcp.marathon.mesos. 5 IN SRV 0 1 31822 " + TARGET_2);
        assertThat(out.section("ADDITIONAL")).as(out.raw()).containsExactly(
                TARGET_1 + " 5 IN A 127.0.0.21",
                TARGET_2 + " 5 IN A 127.0.0.22");
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void anUnknownNameInTheDomainIsNxdomainWithTheSoaInTheAuthoritySection(boolean tcp) throws Exception {
        DigOutput out = dig(tcp, "nothing.marathon.mesos", "A");

        assertThat(out.status()).as(out.raw()).isEqualTo("NXDOMAIN");
        assertThat(out.section("ANSWER")).isEmpty();
        // Mesos-DNS names the SOA after the question and puts its TTL in the minimum field.
        assertThat(out.section("AUTHORITY")).as(out.raw()).singleElement().asString()
                .matches("nothing\\.marathon\\.mesos\\. 5 IN SOA ns1\\.mesos\\. root\\.ns1\\.mesos\\. \\d+ 60 600 86400 5");
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void theSoaOfTheDomainComesFromTheConfig(boolean tcp) throws Exception {
        DigOutput out = dig(tcp, "mesos", "SOA");

        assertThat(out.status()).as(out.raw()).isEqualTo("NOERROR");
        assertThat(out.section("AUTHORITY")).as(out.raw()).singleElement().asString()
                .matches("mesos\\. 5 IN SOA ns1\\.mesos\\. root\\.ns1\\.mesos\\. \\d+ 60 600 86400 5");
    }
}
