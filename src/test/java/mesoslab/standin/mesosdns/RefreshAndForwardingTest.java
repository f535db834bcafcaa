package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Records follow the master state on each refresh; names outside the domain go upstream. */
class RefreshAndForwardingTest {
    @TempDir
    Path dir;

    private MesosDnsServer server(String extraConfig, FakeMasters masters) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
                {"masters": ["%s"], "refreshSeconds": 1, "ttl": 5, "port": 0, "listener": "127.0.0.1",
                 "httpon": false, "IPSources": ["host"], %s}
                """.formatted(masters.leaderAddress(), extraConfig));
        MesosDnsServer server = new MesosDnsServer(new ConfigReader(List.of()).read(config), "test",
                new PrintStream(new ByteArrayOutputStream()), false);
        server.start();
        assertThat(server.awaitReady(Duration.ofSeconds(10))).isTrue();
        return server;
    }

    private static List<String> addresses(MesosDnsServer server, String name) throws Exception {
        Message reply = DnsClient.query(server.dnsAddress().orElseThrow(), name, Type.A, false);
        return DnsClient.answers(reply).stream().map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
    }

    @Test
    void recordsFollowTheStateAfterARefresh() throws Exception {
        try (FakeMasters masters = new FakeMasters()) {
            StateFixture state = masters.newState().agent(0, "127.0.0.21").agent(1, "127.0.0.22");
            ObjectNode marathon = state.framework("marathon", "127.0.0.1");
            StateFixture.marathonTask(marathon, "web.1", "web", 0, "TASK_RUNNING", null, 31001);
            masters.serve(state);
            try (MesosDnsServer server = server("\"externalon\": false", masters)) {
                assertThat(addresses(server, "web.marathon.mesos.")).containsExactly("127.0.0.21");
                assertThat(addresses(server, "api.marathon.mesos.")).isEmpty();

                StateFixture.marathonTask(marathon, "api.1", "api", 1, "TASK_RUNNING", null, 31002);
                marathon.withArray("tasks").remove(0); // web's task ends
                masters.serve(state);

                Poll.until(Duration.ofSeconds(10), () -> addresses(server, "api.marathon.mesos."), ips -> !ips.isEmpty());
                assertThat(addresses(server, "api.marathon.mesos.")).containsExactly("127.0.0.22");
                assertThat(addresses(server, "web.marathon.mesos.")).isEmpty();
            }
        }
    }

    @Test
    void failedRefreshKeepsTheOldRecords() throws Exception {
        try (FakeMasters masters = new FakeMasters()) {
            masters.serve(masters.newState().agent(0, "127.0.0.21"));
            try (MesosDnsServer server = server("\"externalon\": false", masters)) {
                masters.serve(masters.newState().leader("")); // a master without leader: "empty master"
                int before = masters.leader.requestLog().size();
                Poll.until(Duration.ofSeconds(10), () -> masters.leader.requestLog().size(), n -> n > before);

                assertThat(addresses(server, "leader.mesos.")).containsExactly("127.0.0.1");
                assertThat(addresses(server, "slave.mesos.")).containsExactly("127.0.0.21");
            }
        }
    }

    @Test
    void namesOutsideTheDomainAreForwardedToTheResolvers() throws Exception {
        try (FakeMasters masters = new FakeMasters(); DatagramSocket upstream = new DatagramSocket(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            masters.serve(masters.newState());
            Thread answering = new Thread(() -> answerEveryQuery(upstream), "fake-upstream");
            answering.setDaemon(true);
            answering.start();
            String resolvers = "\"externalon\": true, \"timeout\": 1, \"resolvers\": [\"127.0.0.1:" + upstream.getLocalPort() + "\"]";
            try (MesosDnsServer server = server(resolvers, masters)) {
                Message reply = DnsClient.query(server.dnsAddress().orElseThrow(), "www.example.org.", Type.A, false);

                assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
                assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
                assertThat(addresses(server, "www.example.org.")).containsExactly("127.0.0.99");
            }
        }
    }

    @Test
    void unreachableResolversGiveServfail() throws Exception {
        int closedPort;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closedPort = probe.getLocalPort();
        }
        try (FakeMasters masters = new FakeMasters()) {
            masters.serve(masters.newState());
            String resolvers = "\"externalon\": true, \"timeout\": 1, \"resolvers\": [\"127.0.0.1:" + closedPort + "\"]";
            try (MesosDnsServer server = server(resolvers, masters)) {
                Message reply = DnsClient.query(server.dnsAddress().orElseThrow(), "www.example.org.", Type.A, false);

                assertThat(reply.getRcode()).isEqualTo(Rcode.SERVFAIL);
            }
        }
    }

    @Test
    void zoneResolversTakeTheirZoneAndTheDefaultResolversTheRest() throws Exception {
        int closedPort;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closedPort = probe.getLocalPort();
        }
        try (FakeMasters masters = new FakeMasters(); DatagramSocket upstream = new DatagramSocket(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            masters.serve(masters.newState());
            Thread answering = new Thread(() -> answerEveryQuery(upstream), "fake-zone-upstream");
            answering.setDaemon(true);
            answering.start();
            String resolvers = ("\"externalon\": true, \"timeout\": 1, \"resolvers\": [\"127.0.0.1:%d\"],"
                    + " \"zoneResolvers\": {\"corp.lab\": [\"127.0.0.1:%d\"]}").formatted(closedPort, upstream.getLocalPort());
            try (MesosDnsServer server = server(resolvers, masters)) {
                assertThat(addresses(server, "git.corp.lab.")).containsExactly("127.0.0.99");
                assertThat(DnsClient.query(server.dnsAddress().orElseThrow(), "www.example.org.", Type.A, false).getRcode())
                        .isEqualTo(Rcode.SERVFAIL);
            }
        }
    }

    /** A stand-in upstream resolver: every A question gets 127.0.0.99. */
    private static void answerEveryQuery(DatagramSocket socket) {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Message reply = new Message(query.getHeader().getID());
                reply.getHeader().setFlag(Flags.QR);
                reply.addRecord(query.getQuestion(), Section.QUESTION);
                Name name = query.getQuestion().getName();
                reply.addRecord(new ARecord(name, DClass.IN, 30, InetAddress.getByName("127.0.0.99")), Section.ANSWER);
                byte[] wire = reply.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (java.io.IOException e) {
                return;
            }
        }
    }
}
