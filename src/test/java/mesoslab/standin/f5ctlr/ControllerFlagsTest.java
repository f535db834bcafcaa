package mesoslab.standin.f5ctlr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mesoslab.standin.f5ctlr.config.ConfigException;
import mesoslab.standin.f5ctlr.config.ControllerConfig;
import mesoslab.standin.f5ctlr.config.ControllerFlags;
import mesoslab.standin.f5ctlr.config.TlsTrust;
import org.junit.jupiter.api.Test;

class ControllerFlagsTest {
    /** The lab's controller app env (reference 1.6). */
    private static Map<String, String> labEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("MARATHON_URL", "http://10.2.10.21:8080");
        env.put("F5_CC_PARTITIONS", "mesos");
        env.put("F5_CC_BIGIP_HOSTNAME", "10.2.10.60");
        env.put("F5_CC_BIGIP_USERNAME", "admin");
        env.put("F5_CC_BIGIP_PASSWORD", "admin");
        return env;
    }

    private static ControllerConfig parse(Map<String, String> env, String... args) throws ConfigException {
        return ((ControllerFlags.Parsed.Run) ControllerFlags.parse(args, env, "v")).config();
    }

    @Test
    void theLabsEnvironmentGivesTheRealDefaults() throws Exception {
        ControllerConfig config = parse(labEnv());

        assertThat(config.marathon().urls()).containsExactly(URI.create("http://10.2.10.21:8080"));
        assertThat(config.bigip().url()).isEqualTo(URI.create("https://10.2.10.60:443"));
        assertThat(config.bigip().partitions()).containsExactly("mesos");
        assertThat(config.bigip().trust()).isEqualTo(new TlsTrust.Insecure());
        assertThat(config.bigip().snatPoolName()).isEmpty();
        assertThat(config.timing().verifyInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.marathon().sseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.marathon().useHealthCheck()).isFalse();
        assertThat(config.logging().level()).isEqualTo("INFO");
    }

    @Test
    void flagsOverrideTheirEnvironmentVariables() throws Exception {
        ControllerConfig config = parse(labEnv(), "--marathon", "http://m1:8080", "http://m2:8080", "--partition", "a", "--partition=b",
                "--verify-interval", "5", "-t", "7", "-H", "--hostname=https://bigip.example:8443/", "--log-level", "debug");

        assertThat(config.marathon().urls()).containsExactly(URI.create("http://m1:8080"), URI.create("http://m2:8080"));
        assertThat(config.bigip().partitions()).containsExactly("a", "b");
        assertThat(config.timing().verifyInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.marathon().sseTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(config.marathon().useHealthCheck()).isTrue();
        assertThat(config.bigip().url()).isEqualTo(URI.create("https://bigip.example:8443"));
        assertThat(config.logging().level()).isEqualTo("DEBUG");
    }

    @Test
    void listsInEnvironmentVariablesMayBeBracketedQuotedOrCommaSeparated() throws Exception {
        for (String value : List.of("[mesos, web]", "[\"mesos\",\"web\"]", "mesos,web")) {
            Map<String, String> env = labEnv();
            env.put("F5_CC_PARTITIONS", value);
            env.put("MARATHON_URL", "[http://m1:8080, http://m2:8080]");
            ControllerConfig config = parse(env);
            assertThat(config.bigip().partitions()).as(value).containsExactly("mesos", "web");
            assertThat(config.marathon().urls()).hasSize(2);
        }
    }

    @Test
    void theBigIpCertificateCanBePinnedBySha256() throws Exception {
        Map<String, String> env = labEnv();
        String pin = "AB:".repeat(31) + "AB";
        env.put("F5_CC_BIGIP_CERT_SHA256", pin);

        assertThat(parse(env).bigip().trust()).isEqualTo(new TlsTrust.Pinned("ab".repeat(32)));
    }

    @Test
    void missingOrInvalidSettingsAreRefusedWithArgparsesWords() {
        assertRefused(without("MARATHON_URL"), "argument --marathon/-m is required");
        assertRefused(without("F5_CC_PARTITIONS"), "argument --partition is required");
        assertRefused(without("F5_CC_BIGIP_PASSWORD"), "argument --password is required");
        assertRefused(with("F5_CC_VERIFY_INTERVAL", "0"), "argument --verification-interval must be > 0");
        assertRefused(with("F5_CC_SSE_TIMEOUT", "soon"), "argument --sse-timeout/-t: invalid int value: 'soon'");
        assertRefused(with("F5_CC_BIGIP_HOSTNAME", "http://10.2.10.60"), "argument --hostname requires 'https' protocol");
        assertRefused(with("F5_CC_BIGIP_HOSTNAME", "https://10.2.10.60/mgmt"), "argument --hostname: path must be empty or '/'");
        assertRefused(with("F5_CC_PARTITIONS", "Common"), "Common cannot be managed");
        assertRefused(with("F5_CC_PARTITIONS", "*"), "'*' is not supported");
        assertRefused(with("F5_CC_LOG_LEVEL", "LOUD"), "argument --log-level: invalid choice");
        assertRefused(with("F5_CC_BIGIP_CERT_SHA256", "abc"), "expected 64 hex digits");
    }

    @Test
    void versionAndHelpArePrintedInsteadOfRunning() throws Exception {
        assertThat(ControllerFlags.parse(new String[] {"--version"}, Map.of(), "v1.3.2-x")).isInstanceOf(ControllerFlags.Parsed.Print.class);
        assertThat(((ControllerFlags.Parsed.Print) ControllerFlags.parse(new String[] {"-h"}, Map.of(), "v")).text()).contains("F5_CC_PARTITIONS");
        assertThatThrownBy(() -> ControllerFlags.parse(new String[] {"--bogus"}, labEnv(), "v"))
                .hasMessage("unrecognized arguments: --bogus");
    }

    @Test
    void thePasswordNeverShowsInTheConfigsText() throws Exception {
        assertThat(parse(labEnv(), "--password", "s3cr3t-Pa55").toString()).doesNotContain("s3cr3t-Pa55");
    }

    private static Map<String, String> without(String name) {
        Map<String, String> env = labEnv();
        env.remove(name);
        return env;
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> env = labEnv();
        env.put(name, value);
        return env;
    }

    private static void assertRefused(Map<String, String> env, String message) {
        assertThatThrownBy(() -> parse(env)).isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }
}
