package mesoslab.standin.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mesoslab.standin.mesos.agent.MesosAgentStandIn;
import mesoslab.standin.mesos.master.MesosMasterStandIn;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two master stand-ins and one agent on loopback against a real ZooKeeper server. */
class MesosClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;
    EmbeddedZooKeeper zkServer;
    ZooKeeper zk;
    MesosMasterStandIn m1;
    MesosMasterStandIn m2;
    MesosAgentStandIn agent;
    int taskPort;

    @BeforeEach
    void startCluster() throws Exception {
        zkServer = new EmbeddedZooKeeper(tmp.resolve("zk"));
        zk = new ZooKeeper(zkServer.connectString(), 10_000, e -> { });
        String zkUrl = "zk://" + zkServer.connectString() + "/mesos";
        m1 = master(zkUrl, "m1");
        awaitTrue(() -> elected(m1));
        m2 = master(zkUrl, "m2");
        try (ServerSocket free = new ServerSocket(0)) {
            taskPort = free.getLocalPort();
        }
        agent = MesosAgentStandIn.start(new String[] {"--master=" + zkUrl, "--ip=127.0.0.1", "--port=0",
                "--work_dir=" + tmp.resolve("agent"), "--resources=cpus:2;mem:1024;ports:[" + taskPort + "-" + taskPort + "]",
                "--attributes=rack:r1;zone:a;level:3"}, Map.of());
        awaitTrue(() -> !agent.agentId().isEmpty());
    }

    private MesosMasterStandIn master(String zkUrl, String name) throws Exception {
        return MesosMasterStandIn.start(new String[] {"--zk=" + zkUrl, "--ip=127.0.0.1", "--port=0", "--quorum=1",
                "--work_dir=" + tmp.resolve(name), "--cluster=lab"}, Map.of());
    }

    @AfterEach
    void stopCluster() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {agent, m1, m2, zk, zkServer}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void electsLowestJsonInfoZnodeAsTheOnlyLeader() throws Exception {
        List<String> children = zk.getChildren("/mesos", false);
        assertThat(children).hasSize(2).allMatch(c -> c.matches("json\\.info_\\d{10}"));
        String lowest = children.stream().sorted().findFirst().orElseThrow();
        JsonNode info = JSON.readTree(zk.getData("/mesos/" + lowest, false, null));
        assertThat(info.path("id").asText()).isEqualTo(m1.id());
        assertThat(info.path("pid").asText()).isEqualTo("master@127.0.0.1:" + m1.port());
        assertThat(info.path("address").path("port").asInt()).isEqualTo(m1.port());
        assertThat(metric(m1, "master/elected")).isEqualTo(1.0);
        assertThat(metric(m2, "master/elected")).isEqualTo(0.0);
        JsonNode state = get(m1.port(), "/master/state").json();
        assertThat(state.path("leader").asText()).isEqualTo("master@127.0.0.1:" + m1.port());
        assertThat(state.path("activated_slaves").asDouble()).isEqualTo(1.0);
        assertThat(state.path("slaves").get(0).path("resources").path("ports").asText()).isEqualTo("[" + taskPort + "-" + taskPort + "]");
        assertThat(get(agent.port(), "/metrics/snapshot").json().path("slave/registered").asDouble()).isEqualTo(1.0);
    }

    @Test
    void nonLeaderRedirectsStateEndpointsToTheLeaderWithProtocolRelativeLocation() throws Exception {
        Reply state = get(m2.port(), "/master/state");
        assertThat(state.status()).isEqualTo(307);
        assertThat(state.location()).isEqualTo("//127.0.0.1:" + m1.port() + "/master/state");
        assertThat(get(m2.port(), "/master/tasks").location()).isEqualTo("//127.0.0.1:" + m1.port() + "/master/tasks");
        assertThat(get(m1.port(), "/master/redirect").location()).isEqualTo("//127.0.0.1:" + m1.port());
        assertThat(get(m2.port(), "/master/health").status()).isEqualTo(200);
        assertThat(get(m2.port(), "/state").status()).isEqualTo(307);
    }

    @Test
    void schedulerLaunchesTaskAndKillTerminatesItsWholeProcessTree() throws Exception {
        try (SchedulerClient scheduler = new SchedulerClient("127.0.0.1:" + m1.port())) {
            assertThat(scheduler.subscribe("test-framework").statusCode()).isEqualTo(200);
            JsonNode offer = firstOffer(scheduler);
            Path childPid = tmp.resolve("child.pid");
            scheduler.call(launch(offer, "sleeper-1",
                    "echo $MESOS_TASK_ID $PORT0 > env.txt; sleep 300 & echo $! > " + childPid + "; wait", null));
            scheduler.awaitUpdate("sleeper-1", "TASK_RUNNING");
            awaitTrue(() -> Files.exists(childPid) && readQuietly(childPid).endsWith("\n"));
            long pid = Long.parseLong(Files.readString(childPid).strip());
            assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            awaitTrue(() -> get(m1.port(), "/master/tasks").json().path("tasks").path(0).path("state").asText().equals("TASK_RUNNING"));
            assertThat(metric(m1, "master/tasks_running")).isEqualTo(1.0);

            ObjectNode kill = SchedulerClient.newCall("KILL");
            kill.putObject("kill").putObject("task_id").put("value", "sleeper-1");
            assertThat(scheduler.call(kill)).isEqualTo(202);
            scheduler.awaitUpdate("sleeper-1", "TASK_KILLED");
            awaitTrue(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            try (var files = Files.walk(tmp.resolve("agent"))) {
                Path env = files.filter(p -> p.getFileName().toString().equals("env.txt")).findFirst().orElseThrow();
                assertThat(Files.readString(env).strip()).isEqualTo("sleeper-1 " + taskPort);
            }
        }
    }

    @Test
    void agentAttributesAreShownInStateAndCarriedInOffers() throws Exception {
        String summary = "{\"rack\":\"r1\",\"zone\":\"a\",\"level\":3.0}";
        assertThat(get(m1.port(), "/master/slaves").json().path("slaves").get(0).path("attributes").toString()).isEqualTo(summary);
        assertThat(get(m1.port(), "/master/state").json().path("slaves").get(0).path("attributes").toString()).isEqualTo(summary);
        assertThat(get(agent.port(), "/state").json().path("attributes").toString()).isEqualTo(summary);
        try (SchedulerClient scheduler = new SchedulerClient("127.0.0.1:" + m1.port())) {
            scheduler.subscribe("test-framework");
            JsonNode attributes = firstOffer(scheduler).path("attributes");
            assertThat(attributes).hasSize(3);
            assertThat(attributes.get(0).toString()).isEqualTo("{\"name\":\"rack\",\"type\":\"TEXT\",\"text\":{\"value\":\"r1\"}}");
            assertThat(attributes.get(2).toString()).isEqualTo("{\"name\":\"level\",\"type\":\"SCALAR\",\"scalar\":{\"value\":3.0}}");
        }
    }

    @Test
    void unknownDockerImageFailsTheTaskNamingTheSupportedImages() throws Exception {
        try (SchedulerClient scheduler = new SchedulerClient("127.0.0.1:" + m1.port())) {
            scheduler.subscribe("test-framework");
            JsonNode offer = firstOffer(scheduler);
            scheduler.call(launch(offer, "nginx-1", null, "nginx:alpine"));
            JsonNode failed = scheduler.awaitUpdate("nginx-1", "TASK_FAILED");
            assertThat(failed.path("update").path("status").path("message").asText())
                    .contains("nginx:alpine").contains("f5devcentral/f5-hello-world");
        }
    }

    @Test
    void helloImageRunsAsBuiltInAndAnswersWithItsTaskId() throws Exception {
        try (SchedulerClient scheduler = new SchedulerClient("127.0.0.1:" + m1.port())) {
            scheduler.subscribe("test-framework");
            JsonNode offer = firstOffer(scheduler);
            scheduler.call(launch(offer, "hello-1", null, "f5devcentral/f5-hello-world:latest"));
            scheduler.awaitUpdate("hello-1", "TASK_RUNNING");
            awaitTrue(() -> get(taskPort, "/").status() == 200);
            assertThat(get(taskPort, "/").body()).contains("hello-1");
            ObjectNode kill = SchedulerClient.newCall("KILL");
            kill.putObject("kill").putObject("task_id").put("value", "hello-1");
            scheduler.call(kill);
            scheduler.awaitUpdate("hello-1", "TASK_KILLED");
        }
    }

    @Test
    void declinedAgentIsOfferedAgainAfterRevive() throws Exception {
        try (SchedulerClient scheduler = new SchedulerClient("127.0.0.1:" + m1.port())) {
            scheduler.subscribe("test-framework");
            JsonNode offer = firstOffer(scheduler);
            ObjectNode decline = SchedulerClient.newCall("DECLINE");
            decline.putObject("decline").putArray("offer_ids").add(offer.path("id"));
            ((ObjectNode) decline.path("decline")).putObject("filters").put("refuse_seconds", 600.0);
            assertThat(scheduler.call(decline)).isEqualTo(202);
            assertThat(metric(m1, "master/outstanding_offers")).isEqualTo(0.0);
            assertThat(scheduler.call(SchedulerClient.newCall("REVIVE"))).isEqualTo(202);
            assertThat(firstOffer(scheduler).path("id").path("value").asText()).isNotEqualTo(offer.path("id").path("value").asText());
        }
    }

    @Test
    void leaderLossElectsTheOtherMasterAndTheAgentReregistersKeepingItsTask() throws Exception {
        String agentId = agent.agentId();
        try (SchedulerClient scheduler = new SchedulerClient("127.0.0.1:" + m1.port())) {
            scheduler.subscribe("test-framework");
            scheduler.call(launch(firstOffer(scheduler), "survivor", "sleep 300", null));
            scheduler.awaitUpdate("survivor", "TASK_RUNNING");
        }
        m1.close();
        m1 = null;
        awaitTrue(() -> elected(m2));
        assertThat(zk.getChildren("/mesos", false)).hasSize(1);
        awaitTrue(() -> get(m2.port(), "/master/state").json().path("slaves").size() == 1);
        JsonNode state = get(m2.port(), "/master/state").json();
        assertThat(state.path("slaves").get(0).path("id").asText()).isEqualTo(agentId);
        JsonNode task = state.path("frameworks").get(0).path("tasks").get(0);
        assertThat(task.path("id").asText()).isEqualTo("survivor");
        assertThat(task.path("state").asText()).isEqualTo("TASK_RUNNING");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static JsonNode firstOffer(SchedulerClient scheduler) throws InterruptedException {
        return scheduler.await(e -> e.path("type").asText().equals("OFFERS")).path("offers").path("offers").get(0);
    }

    /** An ACCEPT with one LAUNCH of a task using 0.1 cpus, 32 mem and the offer's first port. */
    private ObjectNode launch(JsonNode offer, String taskId, String shellCommand, String dockerImage) {
        ObjectNode call = SchedulerClient.newCall("ACCEPT");
        ObjectNode accept = call.putObject("accept");
        accept.putArray("offer_ids").add(offer.path("id"));
        ObjectNode task = accept.putArray("operations").addObject().put("type", "LAUNCH")
                .putObject("launch").putArray("task_infos").addObject().put("name", taskId);
        task.putObject("task_id").put("value", taskId);
        task.set("agent_id", offer.path("agent_id"));
        ArrayNode resources = task.putArray("resources");
        resources.addObject().put("name", "cpus").put("type", "SCALAR").putObject("scalar").put("value", 0.1);
        resources.addObject().put("name", "mem").put("type", "SCALAR").putObject("scalar").put("value", 32.0);
        resources.addObject().put("name", "ports").put("type", "RANGES").putObject("ranges").putArray("range")
                .addObject().put("begin", taskPort).put("end", taskPort);
        ObjectNode command = task.putObject("command").put("shell", shellCommand != null);
        if (shellCommand != null) {
            command.put("value", shellCommand);
        }
        ArrayNode env = command.putObject("environment").putArray("variables");
        env.addObject().put("name", "PORT0").put("value", Integer.toString(taskPort));
        env.addObject().put("name", "HOST").put("value", "127.0.0.1");
        if (dockerImage != null) {
            ObjectNode docker = task.putObject("container").put("type", "DOCKER").putObject("docker")
                    .put("image", dockerImage).put("network", "BRIDGE");
            docker.putArray("port_mappings").addObject().put("host_port", taskPort).put("container_port", 80).put("protocol", "tcp");
        }
        ((ObjectNode) accept).putObject("filters").put("refuse_seconds", 1.0);
        return call;
    }

    private boolean elected(MesosMasterStandIn master) {
        try {
            return metric(master, "master/elected") == 1.0;
        } catch (Exception e) {
            return false;
        }
    }

    private double metric(MesosMasterStandIn master, String name) throws Exception {
        return get(master.port(), "/metrics/snapshot").json().path(name).asDouble();
    }

    record Reply(int status, String body, String location) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    private Reply get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }

    @FunctionalInterface
    interface Check {
        boolean ok() throws Exception;
    }

    private static void awaitTrue(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (Exception notYet) {
                // keep polling
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met within 15 s");
    }
}
