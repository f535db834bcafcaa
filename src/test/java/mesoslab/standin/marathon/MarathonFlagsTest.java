package mesoslab.standin.marathon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarathonFlagsTest {

    @Test
    void appliesMarathonDefaultsWhenOnlyTheMasterIsGiven() throws Exception {
        MarathonFlags f = MarathonFlags.parse(new String[] {"--master", "zk://z1:2181/mesos"}, Map.of());
        assertThat(f.value("http_port")).isEqualTo("8080");
        assertThat(f.value("framework_name")).isEqualTo("marathon");
        assertThat(f.value("zk")).isEqualTo("zk://localhost:2181/marathon");
        assertThat(f.value("task_launch_timeout")).isEqualTo("300000");
        assertThat(f.toggle("ha")).isTrue();
    }

    @Test
    void readsMarathonEnvironmentAsFlagsAndLetsTheCommandLineWin() throws Exception {
        MarathonFlags f = MarathonFlags.parse(new String[] {"--master=host1:5050", "--http_port", "9090"},
                Map.of("MARATHON_HTTP_PORT", "8081", "MARATHON_ZK", "zk://a:2181/m", "MARATHON_DISABLE_HA", "",
                        "MARATHON_APP_ID", "/set-by-marathon-for-tasks", "PATH", "/bin"));
        assertThat(f.value("http_port")).isEqualTo("9090");
        assertThat(f.value("zk")).isEqualTo("zk://a:2181/m");
        assertThat(f.toggle("ha")).isFalse();
    }

    @Test
    void acceptsFlagsTheStandInDoesNotUseAndReportsThem() throws Exception {
        MarathonFlags f = MarathonFlags.parse(new String[] {"--master", "zk://z/mesos", "--mesos_authentication_principal", "p",
                "--enable_features", "vips", "--task_launch_timeout", "5000"}, Map.of());
        assertThat(f.ignored()).containsExactly("enable_features", "mesos_authentication_principal");
        assertThat(f.longValue("task_launch_timeout")).isEqualTo(5000);
    }

    @Test
    void refusesUnknownFlagsAndTheRemovedEventSubscriberLikeScallop() {
        assertThatThrownBy(() -> MarathonFlags.parse(new String[] {"--master", "m:5050", "--no_such_flag", "x"}, Map.of()))
                .isInstanceOf(FlagException.class).hasMessage("[scallop] Error: Unknown option 'no_such_flag'");
        assertThatThrownBy(() -> MarathonFlags.parse(new String[] {"--master", "m:5050", "--event_subscriber", "http_callback"}, Map.of()))
                .hasMessageContaining("Unknown option 'event_subscriber'");
        assertThatThrownBy(() -> MarathonFlags.parse(new String[] {"--master", "m:5050"}, Map.of("MARATHON_BOGUS", "1")))
                .hasMessageContaining("Unknown option 'bogus'");
    }

    @Test
    void requiresTheMasterAndAValueForValuedFlags() {
        assertThatThrownBy(() -> MarathonFlags.parse(new String[] {"--zk", "zk://a/m"}, Map.of()))
                .hasMessage("[scallop] Error: Required option 'master' not found");
        assertThatThrownBy(() -> MarathonFlags.parse(new String[] {"--master", "m:5050", "--http_port"}, Map.of()))
                .hasMessage("[scallop] Error: Option 'http_port' needs one argument");
    }

    @Test
    void mainPrintsTheErrorAndExitsWithOne() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(MarathonStandIn.main(new String[] {"--master", "m:5050", "--frobnicate"})).isEqualTo(1);
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option 'frobnicate'");
    }
}
