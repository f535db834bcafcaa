package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Type;

/**
 * The launcher end to end: {@code mesos-dns -config FILE} serves DNS from the configured master,
 * and exits 1 with one line when ZooKeeper shows no leader within {@code zkDetectionTimeout}.
 */
class MesosDnsStandInTest {
    private static final Pattern SERVING = Pattern.compile("serving DNS on 127\\.0\\.0\\.1:(\\d+)");

    @Test
    void servesDnsUntilMasterDetectionTimesOutThenExitsOne(@TempDir Path dir) throws Exception {
        try (EmbeddedZooKeeper zooKeeper = new EmbeddedZooKeeper(dir.resolve("zk")); FakeMasters masters = new FakeMasters()) {
            masters.serve(masters.newState().agent(0, "127.0.0.21"));
            Path config = dir.resolve("config.json");
            Files.writeString(config, """
                    {"zk": "zk://%s/nomasters", "zkDetectionTimeout": 3, "masters": ["%s"], "refreshSeconds": 60,
                     "port": 0, "listener": "127.0.0.1", "httpon": false, "externalon": false, "IPSources": ["host"]}
                    """.formatted(zooKeeper.connectString(), masters.leaderAddress()));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return MesosDnsStandIn.run(new String[] {"-config", config.toString()}, System.out, errStream);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            Matcher serving = Poll.until(Duration.ofSeconds(10), () -> SERVING.matcher(err.toString(StandardCharsets.UTF_8)), Matcher::find);
            InetSocketAddress dns = new InetSocketAddress("127.0.0.1", Integer.parseInt(serving.group(1)));
            assertThat(DnsClient.answers(DnsClient.query(dns, "leader.mesos.", Type.A, true)))
                    .singleElement().satisfies(r -> assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("127.0.0.1"));

            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("master detection timed out after 3s")
                    .doesNotContain("\tat ");
        }
    }
}
