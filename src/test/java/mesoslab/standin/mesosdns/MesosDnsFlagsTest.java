package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MesosDnsFlagsTest {

    @Test
    void acceptsTheGoFlagForms() throws Exception {
        assertThat(MesosDnsFlags.parse(new String[] {"-config=/etc/mesos-dns/config.json"}).config())
                .isEqualTo("/etc/mesos-dns/config.json");
        assertThat(MesosDnsFlags.parse(new String[] {"-config", "c.json", "-v=2"}))
                .isEqualTo(new MesosDnsFlags("c.json", false, 2));
        assertThat(MesosDnsFlags.parse(new String[] {"--config", "c.json", "-v"}).verbosity()).isEqualTo(1);
        assertThat(MesosDnsFlags.parse(new String[] {"-version"}).version()).isTrue();
        assertThat(MesosDnsFlags.parse(new String[] {}).config()).isEqualTo("config.json");
        assertThat(MesosDnsFlags.parse(new String[] {"-logtostderr", "-v", "1"}).verbosity()).isEqualTo(1);
    }

    @Test
    void rejectsAnUnknownFlagLikeGo() {
        assertThatThrownBy(() -> MesosDnsFlags.parse(new String[] {"-bogus"}))
                .hasMessage("flag provided but not defined: -bogus");
    }

    @Test
    void versionFlagPrintsTheVersionAndExitsZero() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = MesosDnsStandIn.run(new String[] {"-version"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo(MesosDnsStandIn.VERSION);
    }

    @Test
    void invalidConfigExitsNonZeroWithOneLineNamingTheKey(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"masters\": [\"127.0.0.1:5050\"], \"ttl\": \"sixty\"}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MesosDnsStandIn.run(new String[] {"-config=" + config}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\"ttl\"").doesNotContain("Exception").hasLineCount(1);
    }
}
