package mesoslab.standin.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import mesoslab.standin.mesos.agent.DockerImageTable;
import org.junit.jupiter.api.Test;

class DockerImageTableTest {
    private static List<String> tail(List<String> argv) {
        return argv.subList(argv.indexOf("mesoslab.standin.Main"), argv.size());
    }

    @Test
    void theHelloWorldImageRunsTheHelloStandInOnItsHostPort() {
        assertThat(DockerImageTable.command("f5devcentral/f5-hello-world:latest", 31005).map(DockerImageTableTest::tail))
                .contains(List.of("mesoslab.standin.Main", "hello", "--port", "31005"));
    }

    @Test
    void theControllerImageRunsTheControllerStandInWithoutAPortFlag() {
        // The controller is configured by its env (MARATHON_URL, F5_CC_*) and would reject --port.
        assertThat(DockerImageTable.command("docker.io/f5networks/marathon-bigip-ctlr:1.3.1", 31006).map(DockerImageTableTest::tail))
                .contains(List.of("mesoslab.standin.Main", "f5-controller"));
        assertThat(DockerImageTable.supported()).contains("f5networks/marathon-bigip-ctlr");
    }

    @Test
    void anUnknownImageHasNoBuiltInEquivalent() {
        assertThat(DockerImageTable.command("nginx:alpine", 31007)).isEmpty();
    }
}
