package mesoslab.standin.marathon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import mesoslab.standin.http.Json;
import org.junit.jupiter.api.Test;

class AppJsonReaderTest {
    /** The F5 lab's demo app, verbatim (Marathon 1.4 form). */
    static final String F5_HELLO = """
            { "id": "f5-hello-world", "cpus": 0.1, "mem": 128.0, "instances": 2,
              "container": { "type": "DOCKER", "docker": { "image": "f5devcentral/f5-hello-world:latest",
                "network": "BRIDGE", "forcePullImage": false,
                "portMappings": [ { "containerPort": 8080, "hostPort": 0, "protocol": "tcp" } ] } },
              "labels": { "F5_PARTITION": "mesos", "F5_0_BIND_ADDR": "10.2.10.81", "F5_0_MODE": "http",
                "F5_0_BALANCE": "round-robin", "F5_0_PORT": "80" },
              "healthChecks": [ { "protocol": "HTTP", "portIndex": 0, "path": "/", "gracePeriodSeconds": 5,
                "intervalSeconds": 16, "maxConsecutiveFailures": 3 } ] }
            """;

    private static AppSpec read(String json) throws Exception {
        return AppJsonReader.read(Json.MAPPER.readTree(json), null);
    }

    private static AppValidationException invalid(String json) throws Exception {
        return catchThrowableOfType(AppValidationException.class, () -> read(json));
    }

    @Test
    void normalisesThe14DockerNetworkFormToNetworksAndContainerPortMappings() throws Exception {
        AppSpec app = read(F5_HELLO);
        JsonNode def = app.definition();
        assertThat(app.id()).isEqualTo("/f5-hello-world");
        assertThat(app.bridge()).isTrue();
        assertThat(def.path("networks").toString()).isEqualTo("[{\"mode\":\"container/bridge\"}]");
        assertThat(def.path("container").path("docker").has("network")).isFalse();
        assertThat(def.path("container").path("docker").has("portMappings")).isFalse();
        JsonNode mapping = def.path("container").path("portMappings").get(0);
        assertThat(mapping.path("containerPort").asInt()).isEqualTo(8080);
        assertThat(mapping.path("hostPort").asInt()).isZero();
        assertThat(mapping.has("servicePort")).isTrue();
        assertThat(def.has("portDefinitions")).isFalse();
        // The F5 controller needs timeoutSeconds, which Marathon fills with 20.
        assertThat(def.path("healthChecks").get(0).path("timeoutSeconds").asInt()).isEqualTo(20);
        assertThat(def.path("upgradeStrategy").path("minimumHealthCapacity").asDouble()).isEqualTo(1.0);
    }

    @Test
    void readsThe15FormToTheSameCanonicalDefinition() throws Exception {
        AppSpec old = read(F5_HELLO);
        AppSpec modern = read("""
                { "id": "/f5-hello-world", "cpus": 0.1, "mem": 128.0, "instances": 2,
                  "container": { "type": "DOCKER", "docker": { "image": "f5devcentral/f5-hello-world:latest" },
                    "portMappings": [ { "containerPort": 8080, "protocol": "tcp" } ] },
                  "networks": [ { "mode": "container/bridge" } ],
                  "labels": { "F5_PARTITION": "mesos", "F5_0_BIND_ADDR": "10.2.10.81", "F5_0_MODE": "http",
                    "F5_0_BALANCE": "round-robin", "F5_0_PORT": "80" },
                  "healthChecks": [ { "protocol": "HTTP", "portIndex": 0, "path": "/", "gracePeriodSeconds": 5,
                    "intervalSeconds": 16, "maxConsecutiveFailures": 3 } ] }
                """);
        assertThat(modern.definition()).isEqualTo(old.definition());
    }

    @Test
    void givesAHostNetworkedCommandAppOneDynamicPortByDefault() throws Exception {
        AppSpec app = read("{\"id\":\"/echo\",\"cmd\":\"python3 -m http.server $PORT0\"}");
        assertThat(app.bridge()).isFalse();
        assertThat(app.ports()).containsExactly(new PortSpec(null, 0, 0, "tcp", null));
        assertThat(app.definition().path("portDefinitions").get(0).path("port").asInt()).isZero();
        assertThat(app.definition().path("networks").get(0).path("mode").asText()).isEqualTo("host");
        assertThat(app.instances()).isEqualTo(1);
        assertThat(app.cpus()).isEqualTo(1.0);
        assertThat(app.mem()).isEqualTo(128.0);
    }

    @Test
    void reportsEveryBrokenRuleWithItsPath() throws Exception {
        AppValidationException e = invalid("""
                {"id": "/Bad_Id", "cmd": "x", "instances": -1, "cpus": -0.5,
                 "constraints": [["hostname", "SOMETIMES"], ["rack", "MAX_PER"]],
                 "healthChecks": [{"protocol": "HTTP", "portIndex": 3}]}
                """);
        assertThat(e.title()).isEqualTo("Object is not valid");
        assertThat(e.details()).extracting(Violation::path)
                .containsExactly("/id", "/instances", "/cpus", "/constraints(0)", "/constraints(1)", "/healthChecks(0)");
        assertThat(e.details().get(1).errors()).containsExactly("got -1, expected 0 or more");
        assertThat(e.details().get(3).errors().get(0)).startsWith("Constraint operator must be one of");
    }

    @Test
    void anAppWithNeitherCommandNorContainerIsInvalidAtTheRoot() throws Exception {
        AppValidationException e = invalid("{\"id\": \"/nothing\"}");
        assertThat(e.details()).containsExactly(new Violation("/",
                java.util.List.of("AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.")));
    }

    @Test
    void wrongJsonTypesAreInvalidJsonNotBrokenRules() throws Exception {
        AppValidationException e = invalid("{\"id\": \"/x\", \"cmd\": \"x\", \"instances\": \"two\", \"labels\": {\"a\": 1}}");
        assertThat(e.title()).isEqualTo("Invalid JSON");
        assertThat(e.details()).containsExactly(new Violation("/instances", java.util.List.of("error.expected.jsnumber")),
                new Violation("/labels/a", java.util.List.of("error.expected.jsstring")));
        assertThat(invalid("{\"cmd\": \"x\"}").details()).containsExactly(new Violation("/id", java.util.List.of("error.path.missing")));
    }

    @Test
    void dockerAppsNeedAnImageAndPortMappingsNeedBridgeNetworking() throws Exception {
        assertThat(invalid("{\"id\":\"/d\",\"container\":{\"type\":\"DOCKER\",\"docker\":{}}}").details())
                .extracting(Violation::path).containsExactly("/container/docker/image");
        assertThat(invalid("""
                {"id":"/d","container":{"type":"DOCKER","docker":{"image":"x","network":"HOST",
                 "portMappings":[{"containerPort":80}]}}}""").details()).extracting(Violation::path)
                .containsExactly("/container/portMappings");
        assertThat(invalid("""
                {"id":"/d","container":{"type":"DOCKER","docker":{"image":"x","network":"BRIDGE",
                 "portMappings":[{"containerPort":70000}]}}}""").details()).extracting(Violation::path)
                .containsExactly("/container/portMappings(0)/containerPort");
    }

    @Test
    void nestedIdsKeepTheirPathAndGiveTaskNamesReversed() throws Exception {
        AppSpec app = read("{\"id\":\"demo/web/\",\"cmd\":\"x\"}");
        assertThat(app.id()).isEqualTo("/demo/web");
        assertThat(app.safeId()).isEqualTo("demo_web");
        assertThat(app.taskName()).isEqualTo("web.demo");
    }
}
