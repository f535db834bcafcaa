package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/** Leader detection through a real ZooKeeper server and the masters' {@code json.info_} znodes. */
class ZooKeeperDetectionTest {
    @TempDir
    static Path dir;
    static EmbeddedZooKeeper zooKeeper;

    @BeforeAll
    static void startZooKeeper() throws Exception {
        zooKeeper = new EmbeddedZooKeeper(dir.resolve("zk"));
    }

    @AfterAll
    static void stopZooKeeper() {
        zooKeeper.close();
    }

    private static MesosDnsServer server(String zkPath, int detectionTimeout) throws Exception {
        Path config = Files.createTempFile(dir, "config", ".json");
        Files.writeString(config, """
                {"zk": "zk://%s%s", "zkDetectionTimeout": %d, "refreshSeconds": 60, "ttl": 5,
                 "port": 0, "listener": "127.0.0.1", "httpon": false, "externalon": false, "IPSources": ["host"]}
                """.formatted(zooKeeper.connectString(), zkPath, detectionTimeout));
        MesosDnsServer server = new MesosDnsServer(new ConfigReader(List.of()).read(config), "test",
                new PrintStream(new ByteArrayOutputStream()), false);
        server.start();
        return server;
    }

    private static int leaderSrvPort(MesosDnsServer server) throws Exception {
        Message reply = DnsClient.query(server.dnsAddress().orElseThrow(), "_leader._tcp.mesos.", Type.SRV, false);
        return DnsClient.answers(reply).stream().mapToInt(r -> ((SRVRecord) r).getPort()).findFirst().orElse(-1);
    }

    @Test
    void followsTheLowestJsonInfoZnodeAndItsSuccessorOnFailover() throws Exception {
        try (FakeMasters first = new FakeMasters(); FakeMasters second = new FakeMasters()) {
            first.serve(first.newState().agent(0, "127.0.0.21"));
            second.serve(second.newState().agent(0, "127.0.0.21"));
            ZooKeeper firstSession = zooKeeper.contend("/mesos", "127.0.0.1", first.leader.port());
            ZooKeeper secondSession = zooKeeper.contend("/mesos", "127.0.0.1", second.leader.port());
            try (MesosDnsServer server = server("/mesos", 30)) {
                assertThat(server.awaitReady(Duration.ofSeconds(10))).isTrue();
                assertThat(leaderSrvPort(server)).isEqualTo(first.leader.port());
                assertThat(first.leader.requestLog()).contains("GET /master/state 200");

                firstSession.close(); // the leading master dies: its ephemeral znode goes
                int port = Poll.until(Duration.ofSeconds(10), () -> leaderSrvPort(server), p -> p == second.leader.port());
                assertThat(port).isEqualTo(second.leader.port());
            } finally {
                secondSession.close();
            }
        }
    }

    @Test
    void noLeaderWithinTheDetectionTimeoutIsFatal() throws Exception {
        try (MesosDnsServer server = server("/empty", 1)) {
            assertThat(server.fatal()).failsWithin(5, TimeUnit.SECONDS)
                    .withThrowableOfType(ExecutionException.class)
                    .withMessageContaining("master detection timed out after 1s");
            assertThat(server.dnsAddress()).isEmpty();
        }
    }
}
