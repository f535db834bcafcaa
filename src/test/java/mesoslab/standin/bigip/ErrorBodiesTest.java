package mesoslab.standin.bigip;

import static mesoslab.standin.bigip.IControlClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import mesoslab.standin.bigip.IControlClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mcpd's refusals in F5's body shape {@code {code, message, errorStack, apiError}} (reference 3.9). */
class ErrorBodiesTest {
    @TempDir
    Path dir;
    private BigIpStandIn bigip;
    private IControlClient client;

    @BeforeEach
    void start() throws Exception {
        bigip = StandIns.start(dir.resolve("state.json"));
        client = IControlClient.to(bigip, StandIns.USER, StandIns.PASSWORD);
        client.post("/mgmt/tm/auth/partition", json("{'name':'mesos'}"));
        client.post("/mgmt/tm/ltm/monitor/tcp", json("{'name':'m1','partition':'mesos'}"));
        client.post("/mgmt/tm/ltm/pool", json("{'name':'p1','partition':'mesos','monitor':'/mesos/m1',"
                + "'members':[{'name':'10.0.0.5%0:80','partition':'mesos'}]}"));
        client.post("/mgmt/tm/ltm/virtual", json("{'name':'v1','partition':'mesos','destination':'/mesos/10.0.0.1:80','pool':'/mesos/p1'}"));
    }

    @AfterEach
    void stop() {
        bigip.close();
    }

    private static void assertMcpdError(Reply reply, int code, String message) {
        assertThat(reply.status()).isEqualTo(code);
        assertThat(reply.body().path("code").asInt()).isEqualTo(code);
        assertThat(reply.body().path("message").asText()).isEqualTo(message);
        assertThat(reply.body().path("errorStack").isArray()).isTrue();
        assertThat(reply.body().path("apiError").asInt()).isEqualTo(3);
    }

    @Test
    void aMissingObjectIs404NamingTypeAndPath() throws Exception {
        assertMcpdError(client.get("/mgmt/tm/ltm/pool/~mesos~nope"), 404, "01020036:3: The requested Pool (/mesos/nope) was not found.");
        assertMcpdError(client.delete("/mgmt/tm/ltm/virtual/~mesos~nope/"), 404,
                "01020036:3: The requested Virtual Server (/mesos/nope) was not found.");
        assertMcpdError(client.get("/mgmt/tm/ltm/pool/~mesos~p1/members/~mesos~10.0.0.9%250:80"), 404,
                "01020036:3: The requested Pool Member (/mesos/p1 /mesos/10.0.0.9%0 80) was not found.");
    }

    @Test
    void creatingWhatExistsIs409() throws Exception {
        assertMcpdError(client.post("/mgmt/tm/ltm/pool", json("{'name':'p1','partition':'mesos'}")), 409,
                "01020066:3: The requested Pool (/mesos/p1) already exists in partition mesos.");
        assertMcpdError(client.post("/mgmt/tm/ltm/pool/~mesos~p1/members", json("{'name':'10.0.0.5%0:80','partition':'mesos'}")), 409,
                "01020066:3: The requested Pool Member (/mesos/p1 /mesos/10.0.0.5%0 80) already exists in partition mesos.");
    }

    @Test
    void deletingWhatIsReferencedIs400AndChangesNothing() throws Exception {
        assertMcpdError(client.delete("/mgmt/tm/ltm/pool/~mesos~p1"), 400,
                "01070265:3: The Pool (/mesos/p1) cannot be deleted because it is in use by a Virtual Server (/mesos/v1).");
        assertMcpdError(client.delete("/mgmt/tm/ltm/monitor/tcp/~mesos~m1"), 400, "01070083:3: Monitor /mesos/m1 is in use.");
        assertMcpdError(client.delete("/mgmt/tm/ltm/node/~mesos~10.0.0.5%250"), 400,
                "01070110:3: Node address '/mesos/10.0.0.5%0' is referenced by a member of pool '/mesos/p1'.");
        assertThat(client.delete("/mgmt/tm/auth/partition/mesos").status()).isEqualTo(400);
        assertThat(client.get("/mgmt/tm/ltm/pool/~mesos~p1").status()).isEqualTo(200);

        // In dependency order everything goes, and then the partition too.
        for (String path : new String[] {"ltm/virtual/~mesos~v1", "ltm/pool/~mesos~p1", "ltm/monitor/tcp/~mesos~m1",
                "ltm/node/~mesos~10.0.0.5%250"}) {
            Reply deleted = client.delete("/mgmt/tm/" + path);
            assertThat(deleted.status()).as(path).isEqualTo(200);
            assertThat(deleted.body()).as("DELETE answers with an empty body").isNull();
        }
        assertThat(client.get("/mgmt/tm/ltm/virtual-address?$filter=partition+eq+mesos").body().has("items"))
                .as("the auto-created virtual address went with its last virtual").isFalse();
        assertThat(client.delete("/mgmt/tm/auth/partition/mesos").status()).isEqualTo(200);
    }

    @Test
    void aNonEmptyPartitionCannotBeDeleted() throws Exception {
        Reply reply = client.delete("/mgmt/tm/auth/partition/mesos");
        assertThat(reply.body().path("code").asInt()).isEqualTo(400);
        assertThat(reply.body().path("message").asText())
                .startsWith("0107082a:3: All objects must be removed from a partition (mesos) before the partition may be removed");
    }

    @Test
    void referencesToMissingObjectsAndClashingDestinationsAre400() throws Exception {
        assertMcpdError(client.post("/mgmt/tm/ltm/virtual", json("{'name':'v2','partition':'mesos','destination':'/mesos/10.0.0.2:80','pool':'/mesos/none'}")),
                400, "01020036:3: The requested pool (/mesos/none) was not found.");
        assertMcpdError(client.post("/mgmt/tm/ltm/virtual", json("{'name':'v3','partition':'mesos','destination':'/mesos/10.0.0.1%0:80'}")),
                400, "01070333:3: Virtual Server /mesos/v3 illegally shares destination address, source address, service port, "
                        + "ip-protocol, and vlan with Virtual Server /mesos/v1.");
        Reply noFolder = client.post("/mgmt/tm/ltm/pool", json("{'name':'p','partition':'nowhere'}"));
        assertThat(noFolder.status()).isEqualTo(400);
        assertThat(noFolder.body().path("message").asText()).isEqualTo("The requested folder (/nowhere) was not found.");
        assertThat(noFolder.body().path("apiError").asInt()).isEqualTo(26214401);
    }

    @Test
    void anUnknownEndpointIs404FromTheRestFramework() throws Exception {
        Reply reply = client.get("/mgmt/tm/ltm/nosuch");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().path("message").asText()).isEqualTo("Public URI path not registered: /tm/ltm/nosuch");
        assertThat(reply.body().path("kind").asText()).isEqualTo(":resterrorresponse");
    }
}
