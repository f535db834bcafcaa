package mesoslab.standin.marathon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import mesoslab.standin.http.Json;
import org.junit.jupiter.api.Test;

class AppJsonWriterTest {
    private static final Offer AGENT_OFFER = new Offer("O1", "agent-S0", "10.0.0.5",
            mesoslab.standin.mesos.common.Resources.EMPTY, java.util.Map.of("rack", "r1"));


    private static AppSpec helloApp() throws Exception {
        String v = "2024-05-01T10:00:00.000Z";
        return AppJsonReader.read(Json.MAPPER.readTree(AppJsonReaderTest.F5_HELLO), null)
                .withServicePorts(List.of(10001)).withVersions(v, v, v);
    }

    private static Instance running(AppSpec app, int hostPort, boolean alive) {
        Instance i = Instance.launch(app, AGENT_OFFER, List.of(hostPort));
        i.state = "TASK_RUNNING";
        i.startedAtMillis = System.currentTimeMillis();
        i.health.get(0).record(alive, alive ? null : "HTTP status 500");
        return i;
    }

    @Test
    void appCarriesCountsDeploymentsAndEmbeddedTasksWithMarathonFieldTypes() throws Exception {
        AppSpec app = helloApp();
        Instance ok = running(app, 31001, true);
        Instance bad = running(app, 31002, false);
        Deployment d = Deployment.of(app.id(), "ScaleApplication", app.version());
        JsonNode json = AppJsonWriter.app(app, List.of(ok, bad), List.of(d), true, null);
        assertThat(json.path("id").asText()).isEqualTo("/f5-hello-world");
        assertThat(json.path("instances").isInt()).isTrue();
        assertThat(json.path("cpus").isDouble()).isTrue();
        assertThat(json.path("tasksRunning").asInt()).isEqualTo(2);
        assertThat(json.path("tasksHealthy").asInt()).isEqualTo(1);
        assertThat(json.path("tasksUnhealthy").asInt()).isEqualTo(1);
        assertThat(json.path("tasksStaged").asInt()).isZero();
        assertThat(json.path("deployments").get(0).path("id").asText()).isEqualTo(d.id());
        assertThat(json.path("version").asText()).isEqualTo("2024-05-01T10:00:00.000Z");
        assertThat(json.path("versionInfo").path("lastConfigChangeAt").asText()).isEqualTo(app.configVersion());
        assertThat(json.path("labels").path("F5_PARTITION").asText()).isEqualTo("mesos");
        assertThat(json.path("container").path("portMappings").get(0).path("servicePort").asInt()).isEqualTo(10001);
        assertThat(json.path("tasks")).hasSize(2);
    }

    @Test
    void taskHasTheFieldsTheF5ControllerReads() throws Exception {
        AppSpec app = helloApp();
        Instance i = running(app, 31001, true);
        ObjectNode task = AppJsonWriter.task(app, i);
        assertThat(task.fieldNames()).toIterable().contains("appId", "healthCheckResults", "host", "id", "ipAddresses", "ports",
                "servicePorts", "slaveId", "state", "stagedAt", "startedAt", "version");
        assertThat(task.path("id").asText()).matches("f5-hello-world\\.instance-[0-9a-f-]{36}\\._app\\.1");
        assertThat(task.path("ports").get(0).isInt()).isTrue();
        assertThat(task.path("ports").get(0).asInt()).isEqualTo(31001);
        assertThat(task.path("servicePorts").get(0).asInt()).isEqualTo(10001);
        assertThat(task.path("stagedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode result = task.path("healthCheckResults").get(0);
        assertThat(result.path("alive").isBoolean()).isTrue();
        assertThat(result.path("consecutiveFailures").asInt()).isZero();
        assertThat(result.path("instanceId").asText()).isEqualTo(i.instanceId);
        assertThat(result.has("lastFailure")).isTrue();
        assertThat(task.path("ipAddresses").get(0).path("protocol").asText()).isEqualTo("IPv4");
    }

    @Test
    void taskInfoCarriesHostPortsInResourcesMappingsAndMarathonEnvironment() throws Exception {
        AppSpec app = helloApp();
        Instance i = Instance.launch(app, AGENT_OFFER, List.of(31007));
        JsonNode info = TaskInfoBuilder.build(app, i, null);
        assertThat(info.path("name").asText()).isEqualTo("f5-hello-world");
        assertThat(info.path("container").path("docker").path("port_mappings").get(0).path("host_port").asInt()).isEqualTo(31007);
        assertThat(info.path("container").path("docker").path("network").asText()).isEqualTo("BRIDGE");
        assertThat(info.path("resources").findValues("begin").get(0).asInt()).isEqualTo(31007);
        Map<String, String> env = TaskInfoBuilder.environment(app, i, "");
        assertThat(env).containsEntry("PORT0", "31007").containsEntry("PORT", "31007").containsEntry("PORTS", "31007")
                .containsEntry("PORT_8080", "31007").containsEntry("HOST", "10.0.0.5")
                .containsEntry("MARATHON_APP_ID", "/f5-hello-world").containsEntry("MESOS_TASK_ID", i.taskId)
                .containsEntry("MARATHON_APP_LABEL_F5_PARTITION", "mesos")
                .containsEntry("MARATHON_APP_DOCKER_IMAGE", "f5devcentral/f5-hello-world:latest");
    }

    @Test
    void deploymentJsonHasStepsAndCurrentActions() {
        JsonNode d = Deployment.of("/web", "ScaleApplication", "v").toJson();
        assertThat(d.path("affectedApps").get(0).asText()).isEqualTo("/web");
        assertThat(d.path("steps").get(0).path("actions").get(0).path("action").asText()).isEqualTo("ScaleApplication");
        assertThat(d.path("currentActions").get(0).path("app").asText()).isEqualTo("/web");
        assertThat(d.path("currentStep").asInt()).isEqualTo(1);
        assertThat(d.path("totalSteps").asInt()).isEqualTo(1);
    }
}
