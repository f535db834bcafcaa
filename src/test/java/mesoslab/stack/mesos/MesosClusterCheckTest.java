package mesoslab.stack.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import mesoslab.stack.HttpEndpoint;
import mesoslab.standin.mesos.EmbeddedZooKeeper;
import mesoslab.standin.mesos.agent.MesosAgentStandIn;
import mesoslab.standin.mesos.master.MesosMasterStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Mesos check against running master and agent stand-ins and a real ZooKeeper: it finds the
 * leader both ways, sees standbys redirect, and names what is missing when it is missing.
 */
class MesosClusterCheckTest {
    private Path tmp;
    private EmbeddedZooKeeper zk;
    private String zkUrl;
    private String block;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final MesosClusterCheck check = new MesosClusterCheck(Duration.ofSeconds(2));

    @BeforeEach
    void zooKeeper() throws Exception {
        tmp = Files.createTempDirectory("mesos-check");
        zk = EmbeddedZooKeeper.standalone(tmp.resolve("zk"));
        zkUrl = "zk://" + zk.connectString() + "/mesos";
        block = "127.85." + ThreadLocalRandom.current().nextInt(1, 250) + ".";
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        zk.close();
    }

    private HttpEndpoint master(int n) throws Exception {
        String ip = block + (10 + n);
        MesosMasterStandIn m = MesosMasterStandIn.start(new String[0], Map.of("MESOS_ZK", zkUrl, "MESOS_QUORUM", "1", "MESOS_IP", ip,
                "MESOS_PORT", "5050", "MESOS_WORK_DIR", tmp.resolve("m" + n).toString()));
        started.add(m);
        return new HttpEndpoint("master" + n, ip, 5050);
    }

    private HttpEndpoint agent(int n) throws Exception {
        String ip = block + (20 + n);
        started.add(MesosAgentStandIn.start(new String[0], Map.of("MESOS_MASTER", zkUrl, "MESOS_IP", ip, "MESOS_PORT", "5051",
                "MESOS_WORK_DIR", tmp.resolve("a" + n).toString(), "MESOS_RESOURCES", "cpus:2;mem:512;ports:[31000-31009]")));
        return new HttpEndpoint("agent" + n, ip, 5051);
    }

    private MesosClusterReport awaitHealthy(List<HttpEndpoint> masters, List<HttpEndpoint> agents) throws InterruptedException {
        MesosClusterReport report = null;
        for (int i = 0; i < 100; i++) {
            report = check.check(masters, agents, zkUrl);
            if (report.healthy()) {
                return report;
            }
            Thread.sleep(100);
        }
        return report;
    }

    @Test
    void twoMastersAndAnAgentAreHealthyWithTheLeaderAgreedAndTheStandbyRedirecting() throws Exception {
        List<HttpEndpoint> masters = List.of(master(1), master(2));
        List<HttpEndpoint> agents = List.of(agent(1));
        MesosClusterReport report = awaitHealthy(masters, agents);
        assertThat(report.healthy()).as(report.summary()).isTrue();
        assertThat(report.leader()).isIn(masters.get(0).hostPort(), masters.get(1).hostPort());
        assertThat(report.summary()).startsWith("healthy: leader " + report.leader() + ", 2 of 2 masters up, 1 of 1 agents active");
        assertThat(report.evidence()).anyMatch(l -> l.contains("healthy leader (ZooKeeper agrees)"))
                .anyMatch(l -> l.contains("healthy standby, /master/state redirects to //" + report.leader() + "/master/state"))
                .anyMatch(l -> l.startsWith("agent1 " + agents.get(0).hostPort() + " active ") && l.contains("cpus=2"));
    }

    @Test
    void anAgentThatNeverStartedAndAMasterThatIsDownAreNamed() throws Exception {
        List<HttpEndpoint> masters = List.of(master(1), new HttpEndpoint("master9", block + "19", 5050));
        List<HttpEndpoint> agents = List.of(agent(1), new HttpEndpoint("agent9", block + "29", 5051));
        MesosClusterReport report = null;
        for (int i = 0; i < 100 && (report == null || report.leader() == null || report.agentsActive() < 1); i++) {
            report = check.check(masters, agents, zkUrl);
            Thread.sleep(100);
        }
        assertThat(report.healthy()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.startsWith("master9: unreachable"))
                .contains("agent9 is not registered with the leading master").hasSize(2);
        assertThat(report.summary()).contains("1 of 2 masters up, 1 of 2 agents active");
    }

    @Test
    void withoutAnyMasterZooKeeperHasNoLeaderToName() throws Exception {
        MesosClusterReport report = check.check(List.of(new HttpEndpoint("master1", block + "11", 5050)), List.of(), zkUrl);
        assertThat(report.leader()).isNull();
        assertThat(report.problems()).contains("no master has registered in ZooKeeper (" + zkUrl + ")");
    }
}
