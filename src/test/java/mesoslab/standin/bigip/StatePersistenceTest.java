package mesoslab.standin.bigip;

import static mesoslab.standin.bigip.IControlClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration, the certificate and the listening virtual servers survive a restart. */
class StatePersistenceTest {
    @TempDir
    Path dir;
    private Backend backend;

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aRestartKeepsConfigurationGenerationsCertificateAndTraffic() throws Exception {
        Path state = dir.resolve("bigip/state.json");
        backend = new Backend("persisted");
        int port = Backend.freePort("127.78.0.20");
        JsonNode poolBefore;
        String fingerprint;
        try (BigIpStandIn first = StandIns.start(state)) {
            IControlClient client = IControlClient.to(first, StandIns.USER, StandIns.PASSWORD);
            client.post("/mgmt/tm/auth/partition", json("{'name':'mesos'}"));
            client.post("/mgmt/tm/ltm/pool", json("{'name':'p','partition':'mesos','members':[{'name':'" + backend.member()
                    + "','partition':'mesos'}]}"));
            client.post("/mgmt/tm/ltm/virtual", json("{'name':'v','partition':'mesos','destination':'/mesos/127.78.0.20:" + port
                    + "','pool':'/mesos/p'}"));
            poolBefore = client.get("/mgmt/tm/ltm/pool/~mesos~p?expandSubcollections=true").body();
            fingerprint = first.fingerprint();
        }
        try (Stream<Path> files = Files.list(state.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left behind")
                    .containsExactlyInAnyOrder("state.json", "state.json.tls.p12");
        }

        try (BigIpStandIn second = StandIns.start(state)) {
            assertThat(second.fingerprint()).isEqualTo(fingerprint);
            assertThat(Backend.get("127.78.0.20", port)).as("the virtual listens again with no REST call").isEqualTo("persisted");
            IControlClient client = IControlClient.to(second, StandIns.USER, StandIns.PASSWORD);
            JsonNode poolAfter = client.get("/mgmt/tm/ltm/pool/~mesos~p?expandSubcollections=true").body();
            assertThat(poolAfter).isEqualTo(poolBefore);
            assertThat(client.get("/mgmt/tm/auth/partition/mesos").status()).isEqualTo(200);
            assertThat(client.get("/mgmt/tm/ltm/node/~mesos~127.0.0.1%250").status()).isEqualTo(200);
            long generation = client.patch("/mgmt/tm/ltm/pool/~mesos~p", json("{'description':'after restart'}")).body()
                    .path("generation").asLong();
            assertThat(generation).as("the generation counter continues").isGreaterThan(poolBefore.path("generation").asLong());
        }
    }
}
