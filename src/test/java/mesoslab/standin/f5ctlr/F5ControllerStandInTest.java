package mesoslab.standin.f5ctlr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class F5ControllerStandInTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) throws Exception {
        return F5ControllerStandIn.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aMissingSettingExitsTwoWithArgparsesErrorLine() throws Exception {
        assertThat(run(Map.of("MARATHON_URL", "http://127.0.0.1:1"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("marathon-bigip-ctlr: error: argument --partition is required");
    }

    @Test
    void anUnreachableBigIpAtStartExitsOneWithoutPrintingThePassword() throws Exception {
        int code = run(Map.of("MARATHON_URL", "http://127.0.0.1:1", "F5_CC_PARTITIONS", "mesos", "F5_CC_BIGIP_HOSTNAME", "127.0.0.1:1",
                "F5_CC_BIGIP_USERNAME", "admin", "F5_CC_BIGIP_PASSWORD", "Sup3r-Secret", "F5_CC_LOG_LEVEL", "DEBUG"));

        String log = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(log).contains("Cannot use the BIG-IP at https://127.0.0.1:1 as admin").doesNotContain("Sup3r-Secret");
    }

    @Test
    void versionPrintsAndExitsZero() throws Exception {
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(F5Controller.VERSION);
    }
}
