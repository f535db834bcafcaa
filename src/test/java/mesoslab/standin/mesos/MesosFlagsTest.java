package mesoslab.standin.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import mesoslab.standin.mesos.flags.FlagException;
import mesoslab.standin.mesos.flags.MesosDuration;
import mesoslab.standin.mesos.flags.MesosFlags;
import mesoslab.standin.mesos.master.MesosMasterStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MesosFlagsTest {
    private static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("port", "5050");
        KNOWN.put("zk", null);
        KNOWN.put("quorum", null);
        KNOWN.put("hostname_lookup", "true");
        KNOWN.put("offer_timeout", null);
    }

    @TempDir
    Path tmp;

    private static MesosFlags parse(Map<String, String> env, String... args) throws FlagException {
        return MesosFlags.parse(KNOWN, Set.of("port", "zk", "quorum"), args, env);
    }

    @Test
    void readsEnvironmentFirstAndLetsTheCommandLineWin() throws Exception {
        MesosFlags flags = parse(Map.of("MESOS_QUORUM", "2", "MESOS_PORT", "6060"), "--port=7070");
        assertThat(flags.get("quorum")).hasValue("2");
        assertThat(flags.get("port")).hasValue("7070");
    }

    @Test
    void acceptsSpaceSeparatedValuesAndBooleanNegation() throws Exception {
        MesosFlags flags = parse(Map.of(), "--zk", "zk://127.0.0.1:2181/mesos", "--no-hostname_lookup");
        assertThat(flags.get("zk")).hasValue("zk://127.0.0.1:2181/mesos");
        assertThat(flags.get("hostname_lookup")).hasValue("false");
    }

    @Test
    void loadsFileUrlValuesFromTheFile() throws Exception {
        Path zkFile = tmp.resolve("zk");
        Files.writeString(zkFile, "zk://127.0.0.1:2181/mesos\n");
        assertThat(parse(Map.of(), "--zk=" + zkFile.toUri()).get("zk")).hasValue("zk://127.0.0.1:2181/mesos");
        assertThat(parse(Map.of("MESOS_ZK", zkFile.toUri().toString())).get("zk")).hasValue("zk://127.0.0.1:2181/mesos");
    }

    @Test
    void reportsKnownButUnimplementedFlagsAsIgnored() throws Exception {
        assertThat(parse(Map.of(), "--offer_timeout=30secs", "--quorum=1").ignored()).containsExactly("offer_timeout");
    }

    @Test
    void rejectsUnknownFlagLikeMesos() {
        assertThatThrownBy(() -> parse(Map.of(), "--bogus=1"))
                .isInstanceOf(FlagException.class).hasMessage("Failed to load unknown flag 'bogus'");
    }

    @Test
    void masterExitsWithCodeOneOnUnknownFlag() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(MesosMasterStandIn.main(new String[] {"--ip=127.0.0.1", "--port=0", "--frobnicate=yes"})).isEqualTo(1);
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Failed to load unknown flag 'frobnicate'");
    }

    @Test
    void durationFlagsReadStoutUnitsIncludingFractions() throws Exception {
        assertThat(MesosDuration.millis("zk_session_timeout", "10secs")).isEqualTo(10_000);
        assertThat(MesosDuration.millis("zk_session_timeout", "1.5mins")).isEqualTo(90_000);
        assertThat(MesosDuration.millis("zk_session_timeout", "250ms")).isEqualTo(250);
        assertThatThrownBy(() -> MesosDuration.millis("zk_session_timeout", "10"))
                .isInstanceOf(FlagException.class).hasMessageContaining("zk_session_timeout").hasMessageContaining("'10'");
    }
}
