package mesoslab.stack.marathon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import mesoslab.stack.HttpEndpoint;
import mesoslab.standin.marathon.MarathonStandIn;
import mesoslab.standin.mesos.EmbeddedZooKeeper;
import mesoslab.standin.mesos.master.MesosMasterStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Marathon check against two Marathon stand-ins, a Mesos master stand-in and a real
 * ZooKeeper: one agreed leader, its framework active in Mesos; and what it says when an
 * instance is missing.
 */
class MarathonClusterCheckTest {
    private Path tmp;
    private EmbeddedZooKeeper zk;
    private String mesosZk;
    private String block;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final MarathonClusterCheck check = new MarathonClusterCheck(Duration.ofSeconds(2));

    @BeforeEach
    void mesos() throws Exception {
        tmp = Files.createTempDirectory("marathon-check");
        zk = EmbeddedZooKeeper.standalone(tmp.resolve("zk"));
        mesosZk = "zk://" + zk.connectString() + "/mesos";
        block = "127.86." + ThreadLocalRandom.current().nextInt(1, 250) + ".";
        started.add(MesosMasterStandIn.start(new String[0], Map.of("MESOS_ZK", mesosZk, "MESOS_QUORUM", "1", "MESOS_IP", block + "10",
                "MESOS_PORT", "5050", "MESOS_WORK_DIR", tmp.resolve("m").toString())));
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        zk.close();
    }

    private HttpEndpoint marathon(int n) throws Exception {
        String ip = block + (10 + n);
        started.add(MarathonStandIn.start(new String[0], Map.of("MARATHON_MASTER", mesosZk, "MARATHON_ZK", "zk://" + zk.connectString()
                + "/marathon", "MARATHON_HOSTNAME", ip, "MARATHON_HTTP_ADDRESS", ip, "MARATHON_HTTP_PORT", "8080")));
        return new HttpEndpoint("master" + n, ip, 8080);
    }

    @Test
    void twoInstancesAgreeOnTheLeaderWhoseFrameworkIsActiveInMesos() throws Exception {
        List<HttpEndpoint> instances = List.of(marathon(1), marathon(2));
        MarathonClusterReport report = awaitReport(instances, MarathonClusterReport::healthy);
        assertThat(report.healthy()).as(report.summary()).isTrue();
        assertThat(report.leader()).isIn(instances.get(0).hostPort(), instances.get(1).hostPort());
        assertThat(report.summary()).startsWith("healthy: leader " + report.leader() + ", 2 of 2 instances up, framework "
                + report.frameworkId() + " active in Mesos");
        assertThat(report.evidence()).anyMatch(l -> l.endsWith(" leader")).anyMatch(l -> l.contains("standby, names leader " + report.leader()))
                .anyMatch(l -> l.startsWith("framework marathon " + report.frameworkId() + " at Mesos leader " + block + "10:5050: active"));
    }

    @Test
    void aMissingInstanceIsNamed() throws Exception {
        List<HttpEndpoint> instances = List.of(marathon(1), new HttpEndpoint("master9", block + "19", 8080));
        MarathonClusterReport report = awaitReport(instances, r -> r.frameworkId() != null);
        assertThat(report.healthy()).isFalse();
        assertThat(report.problems()).singleElement().asString().startsWith("master9 is unreachable");
        assertThat(report.summary()).contains("1 of 2 instances up");
    }

    private MarathonClusterReport awaitReport(List<HttpEndpoint> instances, java.util.function.Predicate<MarathonClusterReport> done)
            throws InterruptedException {
        MarathonClusterReport report = check.check(instances, mesosZk);
        for (int i = 0; i < 150 && !done.test(report); i++) {
            Thread.sleep(100);
            report = check.check(instances, mesosZk);
        }
        return report;
    }
}
