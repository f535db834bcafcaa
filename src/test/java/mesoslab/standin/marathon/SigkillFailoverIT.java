package mesoslab.standin.marathon;

import static mesoslab.standin.marathon.StackHttp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import mesoslab.standin.mesos.EmbeddedZooKeeper;
import mesoslab.standin.mesos.StandInProcess;
import mesoslab.standin.mesos.agent.MesosAgentStandIn;
import mesoslab.standin.mesos.master.MesosMasterStandIn;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Crash failover, as the issue means it: the leading Mesos master and the leading Marathon each
 * run in a JVM of their own and are killed with SIGKILL, so nothing closes their ZooKeeper
 * sessions and their election znodes live until the session expires. The standbys (in this JVM),
 * the agents and the framework must then find the new leaders by themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SigkillFailoverIT {
    private static final int SESSION_TIMEOUT_MS = 3_000;
    /** Session expiry is checked on ZooKeeper ticks, then watches fire and the new leader takes over. */
    private static final int FAILOVER_MARGIN_MS = 2_500;
    private static final String SLEEPERS = """
            {"id": "/sleepers", "cmd": "sleep 600", "cpus": 0.1, "mem": 16, "instances": 2, "portDefinitions": []}
            """;
    private static final String UNIQUE = """
            {"id": "/unique", "cmd": "sleep 600", "cpus": 0.1, "mem": 16, "instances": 3, "portDefinitions": [],
             "constraints": [["hostname", "UNIQUE"]]}
            """;
    private final StackHttp http = new StackHttp();
    private Path tmp;
    private EmbeddedZooKeeper zk;
    private ZooKeeper zkClient;
    private String mesosZk;
    private String marathonZk;
    private StandInProcess masterProcess;
    private MesosMasterStandIn standbyMaster;
    private final List<MesosAgentStandIn> agents = new ArrayList<>();
    private StandInProcess marathonProcess;
    private MarathonStandIn standbyMarathon;
    private String agentBlock;
    /** The deployment that was still waiting for resources when the leading Marathon was killed. */
    private String unfinishedDeployment;

    @BeforeAll
    void startStack() throws Exception {
        tmp = Files.createTempDirectory("sigkill-it");
        zk = EmbeddedZooKeeper.quorum(tmp.resolve("zk"), 3);
        zkClient = new ZooKeeper(zk.connectString(), 10_000, e -> { });
        mesosZk = "zk://" + zk.connectString() + "/mesos";
        marathonZk = "zk://" + zk.connectString() + "/marathon";
        // The process starts first so that it holds the lowest znode, i.e. leads.
        masterProcess = StandInProcess.start(tmp.resolve("m1.log"), "mesos-master", masterFlags("m1"));
        await("the master process leads", () -> http.get(processMaster(), "/metrics/snapshot").path("master/elected").asDouble() == 1.0, 30);
        standbyMaster = MesosMasterStandIn.start(masterFlags("m2"), Map.of());
        agentBlock = "127.82." + ThreadLocalRandom.current().nextInt(1, 250) + ".";
        for (int i = 0; i < 2; i++) {
            addAgent(i);
        }
        marathonProcess = StandInProcess.start(tmp.resolve("marathon1.log"), "marathon", marathonFlags());
        await("the Marathon process leads and is subscribed", () -> processMarathon().equals(
                http.get(processMarathon(), "/v2/leader").path("leader").asText())
                && !http.get(processMarathon(), "/v2/info").path("frameworkId").isNull(), 30);
        standbyMarathon = MarathonStandIn.start(marathonFlags(), Map.of());
        assertThat(http.send(processMarathon(), "POST", "/v2/apps", SLEEPERS).status()).isEqualTo(201);
        await("2 running sleepers", () -> http.get(processMarathon(), "/v2/apps/sleepers").path("app").path("tasksRunning").asInt() == 2, 30);
    }

    private void addAgent(int n) throws Exception {
        agents.add(MesosAgentStandIn.start(new String[] {"--master=" + mesosZk, "--ip=" + agentBlock + (21 + n), "--port=0",
                "--work_dir=" + tmp.resolve("a" + n), "--resources=cpus:4;mem:4096;ports:[31000-31099]"}, Map.of()));
    }

    private String[] masterFlags(String name) {
        return new String[] {"--zk=" + mesosZk, "--ip=127.0.0.1", "--port=0", "--quorum=1", "--work_dir=" + tmp.resolve(name),
            "--zk_session_timeout=" + SESSION_TIMEOUT_MS / 1000 + "secs"};
    }

    private String[] marathonFlags() {
        return new String[] {"--master", mesosZk, "--zk", marathonZk, "--http_address", "127.0.0.1", "--http_port", "0",
            "--hostname", "127.0.0.1", "--zk_session_timeout", Integer.toString(SESSION_TIMEOUT_MS),
            "--decline_offer_duration", "2000", "--min_revive_offers_interval", "300"};
    }

    @AfterAll
    void stopStack() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {marathonProcess, standbyMarathon, masterProcess}) {
            if (c != null) {
                c.close();
            }
        }
        for (AutoCloseable c : agents) {
            c.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {standbyMaster, zkClient, zk}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void aSigkilledLeadingMasterIsReplacedWithinTheSessionTimeoutAndAgentsAndMarathonFollow() throws Exception {
        Set<String> tasks = sleeperTasks(processMarathon());
        Set<String> agentIds = new TreeSet<>(agents.stream().map(MesosAgentStandIn::agentId).toList());
        String frameworkId = http.get(processMarathon(), "/v2/info").path("frameworkId").asText();
        String newLeader = "127.0.0.1:" + standbyMaster.port();

        long killedAt = System.nanoTime();
        masterProcess.kill();
        await("the standby master elected", () -> http.get(newLeader, "/metrics/snapshot").path("master/elected").asDouble() == 1.0, 20);
        long failoverMs = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf("SIGKILLed leading Mesos master replaced after %d ms (session timeout %d ms)%n", failoverMs, SESSION_TIMEOUT_MS);
        assertThat(failoverMs).isLessThan(SESSION_TIMEOUT_MS + FAILOVER_MARGIN_MS);
        assertThat(zkClient.getChildren("/mesos", false)).hasSize(1);
        assertThat(http.send(newLeader, "GET", "/master/redirect", null).location()).isEqualTo("//" + newLeader);

        await("both agents re-registered under their ids", () -> {
            JsonNode slaves = http.get(newLeader, "/master/slaves").path("slaves");
            return new TreeSet<>(slaves.findValuesAsText("id")).equals(agentIds)
                    && slaves.findValues("active").stream().allMatch(JsonNode::asBoolean);
        }, 15);
        await("Marathon re-subscribed with its framework id and the master knows its tasks", () -> {
            JsonNode frameworks = http.get(newLeader, "/master/frameworks").path("frameworks");
            return frameworks.size() == 1 && frameworks.get(0).path("active").asBoolean()
                    && frameworks.get(0).path("id").asText().equals(frameworkId)
                    && new TreeSet<>(frameworks.get(0).path("tasks").findValuesAsText("id")).equals(tasks);
        }, 20);
        assertThat(http.get(processMarathon(), "/v2/info").path("marathon_config").path("mesos_leader_ui_url").asText())
                .isEqualTo("http://" + newLeader + "/");
        Thread.sleep(4_000); // past Marathon's TASK_UNKNOWN recheck: nothing may be replaced
        assertThat(sleeperTasks(processMarathon())).isEqualTo(tasks);
    }

    @Test
    @Order(2)
    void aSigkilledLeadingMarathonIsReplacedWithinTheSessionTimeoutKeepingItsTasks() throws Exception {
        String frameworkId = http.get(processMarathon(), "/v2/info").path("frameworkId").asText();
        String newLeader = standbyMarathon.selfHostPort();
        // In flight when the leader dies: three instances that must each have their own host, on two agents.
        assertThat(http.send(processMarathon(), "POST", "/v2/apps", UNIQUE).status()).isEqualTo(201);
        await("2 of 3 unique instances running", () -> http.get(processMarathon(), "/v2/apps/unique").path("app")
                .path("tasksRunning").asInt() == 2, 20);
        JsonNode waiting = http.get(processMarathon(), "/v2/deployments");
        assertThat(waiting).hasSize(1);
        unfinishedDeployment = waiting.get(0).path("id").asText();
        Set<String> tasks = allTasks(processMarathon());
        assertThat(tasks).hasSize(4);

        long killedAt = System.nanoTime();
        marathonProcess.kill();
        await("the standby Marathon leads", standbyMarathon::leading, 20);
        long failoverMs = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf("SIGKILLed leading Marathon replaced after %d ms (session timeout %d ms)%n", failoverMs, SESSION_TIMEOUT_MS);
        assertThat(failoverMs).isLessThan(SESSION_TIMEOUT_MS + FAILOVER_MARGIN_MS);
        assertThat(http.get(newLeader, "/v2/leader").path("leader").asText()).isEqualTo(newLeader);
        assertThat(zkClient.getChildren("/marathon/leader-curator", false)).hasSize(1);

        await("the new leader subscribed with the same framework id", () ->
                frameworkId.equals(http.get(newLeader, "/v2/info").path("frameworkId").asText()), 20);
        await("Mesos shows the framework active with the same tasks", () -> {
            JsonNode f = http.get("127.0.0.1:" + standbyMaster.port(), "/master/frameworks").path("frameworks").get(0);
            return f.path("active").asBoolean() && new TreeSet<>(f.path("tasks").findValuesAsText("id")).equals(tasks);
        }, 20);
        Thread.sleep(4_000); // past Marathon's TASK_UNKNOWN recheck: nothing may be replaced
        assertThat(allTasks(newLeader)).isEqualTo(tasks);
        assertThat(http.get(newLeader, "/v2/apps/sleepers").path("app").path("tasksRunning").asInt()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void theNewLeaderResumesTheUnfinishedDeploymentAndCompletesItWhenCapacityArrives() throws Exception {
        String leader = standbyMarathon.selfHostPort();
        JsonNode deployments = http.get(leader, "/v2/deployments");
        assertThat(deployments).hasSize(1);
        assertThat(deployments.get(0).path("id").asText()).isEqualTo(unfinishedDeployment);
        assertThat(deployments.get(0).path("affectedApps").get(0).asText()).isEqualTo("/unique");
        assertThat(http.send(leader, "PUT", "/v2/apps/unique", "{\"instances\": 4}").status())
                .as("the resumed deployment still locks its app").isEqualTo(409);

        addAgent(2);
        await("the deployment finished with 3 unique instances", () -> http.get(leader, "/v2/deployments").isEmpty()
                && http.get(leader, "/v2/apps/unique").path("app").path("tasksRunning").asInt() == 3, 30);
        JsonNode tasks = http.get(leader, "/v2/apps/unique/tasks").path("tasks");
        assertThat(tasks.findValuesAsText("host")).hasSize(3).doesNotHaveDuplicates();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private String processMaster() {
        return "127.0.0.1:" + masterProcess.port();
    }

    private String processMarathon() {
        return "127.0.0.1:" + marathonProcess.port();
    }

    private Set<String> sleeperTasks(String marathon) throws Exception {
        return new TreeSet<>(http.get(marathon, "/v2/apps/sleepers/tasks").path("tasks").findValuesAsText("id"));
    }

    private Set<String> allTasks(String marathon) throws Exception {
        return new TreeSet<>(http.get(marathon, "/v2/tasks").path("tasks").findValuesAsText("id"));
    }
}
