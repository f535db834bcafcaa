package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    @TempDir
    Path dir;

    private MesosDnsConfig read(String json) throws IOException, ConfigException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return new ConfigReader(List.of("127.0.0.1")).read(file);
    }

    @Test
    void appliesTheRealDefaults() throws Exception {
        MesosDnsConfig c = read("{\"masters\": [\"127.0.0.1:5050\"]}");

        assertThat(c.refreshSeconds()).isEqualTo(60);
        assertThat(c.ttl()).isEqualTo(60);
        assertThat(c.port()).isEqualTo(53);
        assertThat(c.httpPort()).isEqualTo(8123);
        assertThat(c.domain()).isEqualTo("mesos");
        assertThat(c.resolvers()).containsExactly("8.8.8.8");
        assertThat(c.ipSources()).containsExactly("netinfo", "mesos", "host");
        assertThat(c.soaMname()).isEqualTo("ns1.mesos.");
        assertThat(c.soaRname()).isEqualTo("root.ns1.mesos.");
        assertThat(c.zkDetectionTimeout()).isEqualTo(30);
        assertThat(c.externalOn()).isTrue();
        assertThat(c.enforceRfc952()).isFalse();
        assertThat(c.file()).isEqualTo(dir.resolve("config.json").toString());
    }

    @Test
    void readsTheLabConfigWithKeysInAnyCase() throws Exception {
        MesosDnsConfig c = read("""
                {"zk": "zk://127.0.0.1:2181/mesos", "masters": ["127.0.0.11:5050", "127.0.0.12:5050"],
                 "refreshSeconds": 5, "ttl": 7, "domain": "Lab.Mesos", "port": 8053, "listener": "127.0.0.1",
                 "httpon": true, "HTTPPORT": 8124, "dnson": true, "externalon": false, "resolvers": ["127.0.0.53"],
                 "timeout": 3, "SOAMname": "ns1.lab.mesos", "SOARname": "admin@lab.mesos.", "IPSources": ["host"],
                 "enforceRFC952": true, "email": "ignored@example.invalid"}
                """);

        assertThat(c.refreshSeconds()).isEqualTo(5);
        assertThat(c.ttl()).isEqualTo(7);
        assertThat(c.domain()).isEqualTo("lab.mesos");
        assertThat(c.httpPort()).isEqualTo(8124);
        assertThat(c.externalOn()).isFalse();
        assertThat(c.soaRname()).isEqualTo("admin.lab.mesos.");
        assertThat(c.labelSpec()).isEqualTo(LabelSpec.RFC952);
        assertThat(c.masters()).containsExactly("127.0.0.11:5050", "127.0.0.12:5050");
    }

    @Test
    void wrongTypeNamesTheKeyAsWritten() {
        assertThatThrownBy(() -> read("{\"masters\": [\"127.0.0.1:5050\"], \"refreshseconds\": \"5\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"refreshseconds\"").hasMessageContaining("whole number");
        assertThatThrownBy(() -> read("{\"masters\": [\"127.0.0.1:5050\"], \"httpon\": \"yes\"}"))
                .hasMessageContaining("\"httpon\"");
        assertThatThrownBy(() -> read("{\"masters\": \"127.0.0.1:5050\"}"))
                .hasMessageContaining("\"masters\"").hasMessageContaining("list of strings");
    }

    @Test
    void rejectsAConfigWithoutMastersOrZooKeeper() {
        assertThatThrownBy(() -> read("{}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("specify Mesos masters or Zookeeper");
    }

    @Test
    void rejectsBadValuesNamingTheKey() {
        assertThatThrownBy(() -> read("{\"masters\": [\"127.0.0.1\"]}")).hasMessageContaining("\"masters\"")
                .hasMessageContaining("illegal host:port");
        assertThatThrownBy(() -> read("{\"masters\": [\"127.0.0.1:5050\", \"127.0.0.1:5050\"]}"))
                .hasMessageContaining("duplicate found");
        assertThatThrownBy(() -> read("{\"masters\": [\"127.0.0.1:5050\"], \"IPSources\": [\"dns\"]}"))
                .hasMessageContaining("\"IPSources\"");
        assertThatThrownBy(() -> read("{\"masters\": [\"127.0.0.1:5050\"], \"resolvers\": [\"dns.example\"]}"))
                .hasMessageContaining("\"resolvers\"").hasMessageContaining("illegal ip");
        assertThatThrownBy(() -> read("{\"zk\": \"127.0.0.1:2181/mesos\"}")).hasMessageContaining("\"zk\"");
        assertThatThrownBy(() -> read("{\"masters\": [\"127.0.0.1:5050\"], \"port\": 70000}"))
                .hasMessageContaining("\"port\"");
        assertThatThrownBy(() -> read("{\"masters\": [\"127.0.0.1:5050\"], \"dnson\": false, \"httpon\": false}"))
                .hasMessageContaining("either DNS or HTTP server should be on");
        assertThatThrownBy(() -> read("{\"masters\": [\"127.0.0.1:5050\"], \"domain\": \"bad domain\"}"))
                .hasMessageContaining("\"domain\"");
    }

    @Test
    void missingOrBrokenFileIsAClearError() throws IOException {
        assertThatThrownBy(() -> new ConfigReader(List.of()).read(dir.resolve("nope.json")))
                .hasMessageContaining("missing configuration file");
        Files.writeString(dir.resolve("broken.json"), "{\"masters\": [");
        assertThatThrownBy(() -> new ConfigReader(List.of()).read(dir.resolve("broken.json")))
                .hasMessageContaining("failed to unmarshal");
    }

    @Test
    void emptyResolversFallBackToNonLocalSystemNameservers() throws Exception {
        MesosDnsConfig c = read("{\"masters\": [\"127.0.0.1:5050\"], \"resolvers\": []}");

        assertThat(c.resolvers()).containsExactly("127.0.0.1");
        assertThat(ConfigReader.nameservers("# comment\nnameserver 127.0.0.53\nnameserver 192.0.2.1\nsearch lab\n"))
                .containsExactly("192.0.2.1");
    }
}
