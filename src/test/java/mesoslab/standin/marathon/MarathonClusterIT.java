package mesoslab.standin.marathon;

import static mesoslab.standin.marathon.StackHttp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import mesoslab.standin.mesos.EmbeddedZooKeeper;
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
 * The whole stand-in stack over HTTP: a real 3-member ZooKeeper quorum, two Mesos masters, two
 * agents on their own loopback addresses, two Marathons. One cluster for the class; the tests
 * run in order and the failovers come last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarathonClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = """
            {"id": "demo/hello", "cpus": 0.1, "mem": 64.0, "instances": 2,
             "container": {"type": "DOCKER", "docker": {"image": "f5devcentral/f5-hello-world:latest",
               "network": "BRIDGE", "forcePullImage": false,
               "portMappings": [{"containerPort": 8080, "hostPort": 0, "protocol": "tcp"}]}},
             "labels": {"F5_PARTITION": "mesos", "F5_0_BIND_ADDR": "10.2.10.81", "F5_0_MODE": "http"},
             "healthChecks": [{"protocol": "HTTP", "portIndex": 0, "path": "/", "gracePeriodSeconds": 10,
               "intervalSeconds": 1, "timeoutSeconds": 1, "maxConsecutiveFailures": 3}]}
            """;
    private final HttpClient http = HttpClient.newHttpClient();
    private EventRecorder recorder;
    private Path tmp;
    private EmbeddedZooKeeper zk;
    private ZooKeeper zkClient;
    private final List<MesosMasterStandIn> masters = new ArrayList<>();
    private final List<MesosAgentStandIn> agents = new ArrayList<>();
    private final List<MarathonStandIn> marathons = new ArrayList<>();
    private String agentBlock;

    @BeforeAll
    void startStack() throws Exception {
        tmp = Files.createTempDirectory("marathon-it");
        zk = EmbeddedZooKeeper.quorum(tmp.resolve("zk"), 3);
        zkClient = new ZooKeeper(zk.connectString(), 10_000, e -> { });
        String mesosZk = "zk://" + zk.connectString() + "/mesos";
        for (int i = 0; i < 2; i++) {
            masters.add(MesosMasterStandIn.start(new String[] {"--zk=" + mesosZk, "--ip=127.0.0.1", "--port=0", "--quorum=1",
                    "--work_dir=" + tmp.resolve("m" + i)}, Map.of()));
        }
        agentBlock = "127.82." + ThreadLocalRandom.current().nextInt(1, 250) + ".";
        for (int i = 0; i < 2; i++) {
            agents.add(MesosAgentStandIn.start(new String[] {"--master=" + mesosZk, "--ip=" + agentBlock + (21 + i), "--port=0",
                    "--work_dir=" + tmp.resolve("a" + i), "--resources=cpus:4;mem:4096;ports:[31000-31099]"}, Map.of()));
        }
        for (int i = 0; i < 2; i++) {
            marathons.add(MarathonStandIn.start(new String[] {"--master", mesosZk, "--zk", "zk://" + zk.connectString() + "/marathon",
                    "--http_address", "127.0.0.1", "--http_port", "0", "--hostname", "127.0.0.1",
                    "--decline_offer_duration", "2000", "--min_revive_offers_interval", "300", "--zk_session_timeout", "4000"},
                    Map.of("MARATHON_TASK_LAUNCH_TIMEOUT", "30000")));
        }
        await("a leading Marathon", () -> marathons.stream().anyMatch(MarathonStandIn::leading), 30);
        // The standby joins the latch a moment after the leader is elected: wait for both.
        await("both Marathons in the leader latch", () -> zkClient.getChildren("/marathon/leader-curator", false).size() == 2, 30);
        await("both agents registered", () -> agents.stream().noneMatch(a -> a.agentId().isEmpty()), 30);
        await("the framework subscribed", () -> !get(leader(), "/v2/info").path("frameworkId").isNull(), 30);
        recorder = new EventRecorder(leader().selfHostPort());
        await("the event stream attached", () -> types().contains("event_stream_attached"), 10);
    }

    @AfterAll
    void stopStack() throws Exception {
        for (AutoCloseable c : marathons) {
            c.close();
        }
        for (AutoCloseable c : agents) {
            c.close();
        }
        for (AutoCloseable c : masters) {
            c.close();
        }
        zkClient.close();
        zk.close();
    }

    @Test
    @Order(1)
    void oneMarathonLeadsInTheCuratorLatchAndTheOtherProxiesToIt() throws Exception {
        MarathonStandIn leader = leader();
        MarathonStandIn standby = standby();
        List<String> latch = zkClient.getChildren("/marathon/leader-curator", false);
        assertThat(latch).hasSize(2).allMatch(n -> n.matches("_c_[0-9a-f-]{36}-latch-\\d{10}"));
        String lowest = latch.stream().min((a, b) -> a.substring(a.length() - 10).compareTo(b.substring(b.length() - 10))).orElseThrow();
        assertThat(new String(zkClient.getData("/marathon/leader-curator/" + lowest, false, null), StandardCharsets.UTF_8))
                .isEqualTo(leader.selfHostPort());
        assertThat(get(standby, "/v2/leader").path("leader").asText()).isEqualTo(leader.selfHostPort());
        HttpResponse<String> viaStandby = send(standby, "GET", "/v2/info", null);
        assertThat(viaStandby.headers().firstValue("X-Marathon-Via")).isPresent();
        JsonNode info = JSON.readTree(viaStandby.body());
        assertThat(info.path("elected").asBoolean()).isTrue();
        assertThat(info.path("leader").asText()).isEqualTo(leader.selfHostPort());
        assertThat(info.path("marathon_config").path("framework_name").asText()).isEqualTo("marathon");
        assertThat(info.path("marathon_config").path("task_launch_timeout").asLong()).isEqualTo(30_000);
        assertThat(send(standby, "GET", "/ping", null).body()).startsWith("pong");
    }

    @Test
    @Order(2)
    void helloAppDeploysTwoHealthyTasksAndEventsArriveInOrder() throws Exception {
        HttpResponse<String> posted = send(standby(), "POST", "/v2/apps", HELLO);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(posted.headers().firstValue("Marathon-Deployment-Id")).isPresent();
        JsonNode app = JSON.readTree(posted.body());
        assertThat(app.path("id").asText()).isEqualTo("/demo/hello");
        assertThat(app.path("networks").get(0).path("mode").asText()).isEqualTo("container/bridge");
        assertThat(app.path("container").path("docker").has("network")).isFalse();
        assertThat(app.path("container").path("portMappings").get(0).path("servicePort").asInt()).isGreaterThanOrEqualTo(10000);
        assertThat(send(leader(), "POST", "/v2/apps", HELLO).statusCode()).isEqualTo(409);

        await("2 healthy hello tasks and no deployment", () -> {
            JsonNode a = get(leader(), "/v2/apps/demo/hello").path("app");
            return a.path("tasksHealthy").asInt() == 2 && get(leader(), "/v2/deployments").isEmpty();
        }, 45);
        JsonNode apps = get(leader(), "/v2/apps?embed=apps.tasks");
        JsonNode hello = apps.path("apps").get(0);
        assertThat(hello.path("tasks")).hasSize(2);
        Set<String> hosts = new java.util.HashSet<>();
        for (JsonNode task : hello.path("tasks")) {
            assertThat(task.path("state").asText()).isEqualTo("TASK_RUNNING");
            assertThat(task.path("id").asText()).startsWith("demo_hello.instance-").endsWith("._app.1");
            assertThat(task.path("ports").get(0).asInt()).isBetween(31000, 31099);
            assertThat(task.path("servicePorts").get(0).asInt()).isEqualTo(hello.path("container").path("portMappings").get(0).path("servicePort").asInt());
            assertThat(task.path("healthCheckResults").get(0).path("alive").asBoolean()).isTrue();
            assertThat(task.path("host").asText()).startsWith(agentBlock);
            hosts.add(task.path("host").asText());
            String reply = http.send(HttpRequest.newBuilder(URI.create("http://" + task.path("host").asText() + ":"
                    + task.path("ports").get(0).asInt() + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(reply).contains(task.path("id").asText());
        }
        await("deployment_success on the event stream", () -> types().contains("deployment_success"), 5);
        List<String> types = types();
        int post = types.indexOf("api_post_event");
        int status = types.indexOf("status_update_event");
        int success = types.indexOf("deployment_success");
        assertThat(post).isNotNegative().isLessThan(status);
        assertThat(status).isLessThan(success);
        assertThat(types).contains("health_status_changed_event", "deployment_info");
    }

    @Test
    @Order(3)
    void threeUniqueInstancesOnTwoAgentsLeaveTheDeploymentWaitingWithTwoRunning() throws Exception {
        String unique = """
                {"id": "/unique", "cmd": "sleep 600", "cpus": 0.1, "mem": 16, "instances": 3, "portDefinitions": [],
                 "constraints": [["hostname", "UNIQUE"]]}
                """;
        assertThat(send(leader(), "POST", "/v2/apps", unique).statusCode()).isEqualTo(201);
        await("2 running unique tasks", () -> get(leader(), "/v2/apps/unique").path("app").path("tasksRunning").asInt() == 2, 20);
        Thread.sleep(1500); // offers keep coming (revives); none may place the third instance
        JsonNode app = get(leader(), "/v2/apps/unique").path("app");
        assertThat(app.path("tasksRunning").asInt()).isEqualTo(2);
        assertThat(app.path("tasks").findValuesAsText("host")).doesNotHaveDuplicates();
        JsonNode deployments = get(leader(), "/v2/deployments");
        assertThat(deployments).hasSize(1);
        assertThat(deployments.get(0).path("affectedApps").get(0).asText()).isEqualTo("/unique");
        assertThat(deployments.get(0).path("currentActions").get(0).path("action").asText()).isEqualTo("StartApplication");
        JsonNode queue = get(leader(), "/v2/queue").path("queue");
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).path("count").asInt()).isEqualTo(1);
        HttpResponse<String> locked = send(leader(), "PUT", "/v2/apps/unique", "{\"instances\": 4}");
        assertThat(locked.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(locked.body()).path("deployments").get(0).path("id").asText())
                .isEqualTo(deployments.get(0).path("id").asText());

        assertThat(send(leader(), "DELETE", "/v2/apps/unique?force=true", null).statusCode()).isEqualTo(200);
        await("unique tasks gone", () -> get(leader(), "/v2/tasks").path("tasks").findValuesAsText("appId").stream()
                .noneMatch("/unique"::equals) && get(leader(), "/v2/deployments").isEmpty(), 20);
        assertThat(send(leader(), "GET", "/v2/apps/unique", null).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void aTaskKilledWithSigkillIsReplaced() throws Exception {
        JsonNode victim = get(leader(), "/v2/apps/demo/hello/tasks").path("tasks").get(0);
        int port = victim.path("ports").get(0).asInt();
        ProcessHandle process = ProcessHandle.current().descendants()
                .filter(p -> commandLine(p).endsWith(" hello --port " + port)).findFirst().orElseThrow();
        process.destroyForcibly(); // SIGKILL
        await("a replacement task, both healthy", () -> {
            JsonNode tasks = get(leader(), "/v2/apps/demo/hello/tasks").path("tasks");
            return tasks.size() == 2 && !tasks.findValuesAsText("id").contains(victim.path("id").asText())
                    && get(leader(), "/v2/apps/demo/hello").path("app").path("tasksHealthy").asInt() == 2;
        }, 45);
        JsonNode failure = get(leader(), "/v2/apps/demo/hello").path("app").path("lastTaskFailure");
        assertThat(failure.path("taskId").asText()).isEqualTo(victim.path("id").asText());
        assertThat(failure.path("state").asText()).isEqualTo("TASK_FAILED");
    }

    @Test
    @Order(5)
    void aTaskFailingItsHttpHealthCheckIsKilledAfterMaxConsecutiveFailures() throws Exception {
        // The grace period covers the task's JVM start (seconds on a loaded machine), so the failures
        // that count are the app's own 404s, not "connection refused" while it starts.
        String sick = HELLO.replace("demo/hello", "sick").replace("\"instances\": 2", "\"instances\": 1")
                .replace("\"path\": \"/\"", "\"path\": \"/missing\"").replace("\"gracePeriodSeconds\": 10", "\"gracePeriodSeconds\": 5")
                .replace("\"maxConsecutiveFailures\": 3", "\"maxConsecutiveFailures\": 2");
        assertThat(send(leader(), "POST", "/v2/apps", sick).statusCode()).isEqualTo(201);
        await("the unhealthy task killed", () -> recorder.events.stream().anyMatch(e -> e.type().equals("unhealthy_instance_kill_event")
                && e.data().contains("\"appId\":\"/sick\"")), 30);
        await("a replacement launched", () -> recorder.events.stream().filter(e -> e.type().equals("status_update_event")
                && e.data().contains("\"appId\":\"/sick\"") && e.data().contains("TASK_RUNNING")).count() >= 2, 30);
        assertThat(recorder.events.stream().anyMatch(e -> e.type().equals("failed_health_check_event") && e.data().contains("HTTP status 404"))).isTrue();
        // Its deployment never succeeds (the task is never healthy), so it locks the app: force.
        assertThat(send(leader(), "DELETE", "/v2/apps/sick", null).statusCode()).isEqualTo(409);
        assertThat(send(leader(), "DELETE", "/v2/apps/sick?force=true", null).statusCode()).isEqualTo(200);
        await("app_terminated_event", () -> types().contains("app_terminated_event"), 5);
    }

    @Test
    @Order(6)
    void afterTheLeadingMesosMasterDiesMarathonResubscribesAndTasksKeepRunning() throws Exception {
        Set<String> before = taskIds();
        String frameworkId = get(leader(), "/v2/info").path("frameworkId").asText();
        String oldMaster = get(leader(), "/v2/info").path("marathon_config").path("mesos_leader_ui_url").asText();
        MesosMasterStandIn leading = masters.stream().filter(m -> oldMaster.contains(":" + m.port() + "/")).findFirst().orElseThrow();
        MesosMasterStandIn other = masters.stream().filter(m -> m != leading).findFirst().orElseThrow();
        leading.close();
        masters.remove(leading);
        await("Marathon subscribed to the new master", () -> get(leader(), "/v2/info").path("marathon_config")
                .path("mesos_leader_ui_url").asText().contains(":" + other.port() + "/"), 30);
        await("the new master sees the framework with its tasks", () -> {
            JsonNode frameworks = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port()
                    + "/master/frameworks")).build(), HttpResponse.BodyHandlers.ofString()).body()).path("frameworks");
            return frameworks.size() == 1 && frameworks.get(0).path("active").asBoolean()
                    && frameworks.get(0).path("id").asText().equals(frameworkId)
                    && frameworks.get(0).path("tasks").findValuesAsText("id").containsAll(before);
        }, 30);
        Thread.sleep(4000); // past the stand-in's TASK_UNKNOWN recheck: nothing may be replaced
        assertThat(taskIds()).isEqualTo(before);
        assertThat(get(leader(), "/v2/apps/demo/hello").path("app").path("tasksHealthy").asInt()).isEqualTo(2);
        assertThat(types()).contains("scheduler_reregistered_event");
    }

    @Test
    @Order(7)
    void whenTheLeadingMarathonStopsTheOtherLeadsWithTheSameAppsAndTasks() throws Exception {
        Set<String> before = taskIds();
        MarathonStandIn old = leader();
        old.close();
        marathons.remove(old);
        MarathonStandIn survivor = marathons.get(0);
        await("the standby leads", survivor::leading, 20);
        assertThat(get(survivor, "/v2/leader").path("leader").asText()).isEqualTo(survivor.selfHostPort());
        assertThat(zkClient.getChildren("/marathon/leader-curator", false)).hasSize(1);
        await("same tasks, healthy again", () -> taskIds().equals(before)
                && get(survivor, "/v2/apps/demo/hello").path("app").path("tasksHealthy").asInt() == 2, 30);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private MarathonStandIn leader() {
        return marathons.stream().filter(MarathonStandIn::leading).findFirst().orElseThrow(() -> new AssertionError("no leader"));
    }

    private MarathonStandIn standby() {
        return marathons.stream().filter(m -> !m.leading()).findFirst().orElseThrow();
    }

    private Set<String> taskIds() throws Exception {
        return new java.util.TreeSet<>(get(leader(), "/v2/apps/demo/hello/tasks").path("tasks").findValuesAsText("id"));
    }

    /** Read from /proc: ProcessHandle.Info drops the arguments of very long command lines (our class path). */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + p.pid() + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').strip();
        } catch (java.io.IOException gone) {
            return "";
        }
    }

    private List<String> types() {
        return recorder.types();
    }

    private JsonNode get(MarathonStandIn m, String path) throws Exception {
        HttpResponse<String> r = send(m, "GET", path, null);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(MarathonStandIn m, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + m.selfHostPort() + path))
                .timeout(java.time.Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
