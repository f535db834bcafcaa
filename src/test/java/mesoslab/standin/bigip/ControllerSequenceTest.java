package mesoslab.standin.bigip;

import static mesoslab.standin.bigip.IControlClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import mesoslab.standin.bigip.IControlClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * marathon-bigip-ctlr's request sequence (reference section 3.10), replayed as f5-sdk sends it:
 * token login, {@code GET sys/}, the partition, every refresh GET with trailing slashes and
 * {@code $filter}, creates, update as GET-then-PUT of the loaded object, delete as GET-then-DELETE.
 */
class ControllerSequenceTest {
    private static final List<String> REFRESH = List.of(
            "ltm/monitor/http/", "ltm/monitor/https/", "ltm/monitor/tcp/", "ltm/monitor/udp/", "ltm/monitor/gateway-icmp/",
            "sys/application/service/", "ltm/node/", "ltm/virtual-address/", "ltm/rule/", "ltm/data-group/internal/");
    private static final List<String> EXPANDED = List.of("ltm/virtual/", "ltm/pool/", "ltm/policy/");

    @TempDir
    Path dir;
    private BigIpStandIn bigip;
    private IControlClient client;

    @BeforeEach
    void start() throws Exception {
        bigip = StandIns.start(dir.resolve("state.json"));
        IControlClient admin = IControlClient.to(bigip, StandIns.USER, StandIns.PASSWORD);
        admin.post("/mgmt/tm/auth/partition", json("{'name':'mesos'}"));
        // f5-icontrol-rest logs in with Basic auth and the JSON body, then uses only the token.
        Reply login = admin.post("/mgmt/shared/authn/login", json("{'username':'admin','password':'" + StandIns.PASSWORD
                + "','loginProviderName':'tmos'}"));
        client = IControlClient.to(bigip, StandIns.USER, StandIns.PASSWORD).token(login.body().path("token").path("token").asText());
    }

    @AfterEach
    void stop() {
        bigip.close();
    }

    private void refresh() throws Exception {
        assertThat(client.get("/mgmt/tm/auth/partition/mesos").body().path("defaultRouteDomain").asInt(-1)).isZero();
        for (String path : REFRESH) {
            assertThat(client.get("/mgmt/tm/" + path + "?$filter=partition+eq+mesos").status()).as(path).isEqualTo(200);
        }
        for (String path : EXPANDED) {
            assertThat(client.get("/mgmt/tm/" + path + "?$filter=partition+eq+mesos&expandSubcollections=true").status())
                    .as(path).isEqualTo(200);
        }
    }

    @Test
    void aFullControllerPassCreatesUpdatesAndDeletesTheLabObjects() throws Exception {
        JsonNode sys = client.get("/mgmt/tm/sys/").body();
        assertThat(sys.path("selfLink").asText()).contains("?ver=");
        refresh();

        // Creates in CCCL's order: monitors, pools, virtuals.
        assertThat(client.post("/mgmt/tm/ltm/monitor/http/", json("{'name':'app_80_0_http','partition':'mesos','interval':16,"
                + "'timeout':53,'send':'GET / HTTP/1.0\\\\r\\\\n\\\\r\\\\n','recv':''}")).status()).isEqualTo(200);
        assertThat(client.post("/mgmt/tm/ltm/pool/", json("{'name':'app_80','partition':'mesos','loadBalancingMode':'round-robin',"
                + "'monitor':'/mesos/app_80_0_http','description':null,'membersReference':{'isSubcollection':true,'items':["
                + "{'name':'10.2.10.22%0:31001','partition':'mesos','ratio':1,'connectionLimit':0,'priorityGroup':0,"
                + "'session':'user-enabled','description':null}]}}")).status()).isEqualTo(200);
        assertThat(client.post("/mgmt/tm/ltm/virtual/", json("{'name':'app_80','partition':'mesos','destination':'/mesos/10.2.10.81%0:80',"
                + "'source':'0.0.0.0%0/0','ipProtocol':'tcp','pool':'/mesos/app_80','enabled':true,'vlansDisabled':true,'vlans':[],"
                + "'connectionLimit':0,'rules':[],'policies':[],'sourceAddressTranslation':{'type':'automap'},"
                + "'profiles':[{'name':'http','partition':'Common','context':'all'},{'name':'tcp','partition':'Common','context':'all'}]}"))
                .status()).isEqualTo(200);
        refresh();
        // A second create of the same object is a 409, which CCCL skips.
        assertThat(client.post("/mgmt/tm/ltm/pool/", json("{'name':'app_80','partition':'mesos'}")).status()).isEqualTo(409);

        // Update: load the object, change it, PUT the whole loaded object back (trailing slash, %25 in names).
        JsonNode pools = client.get("/mgmt/tm/ltm/pool/?$filter=partition+eq+mesos&expandSubcollections=true").body();
        ObjectNode loaded = (ObjectNode) client.get("/mgmt/tm/ltm/pool/~mesos~app_80").body();
        ObjectNode desired = (ObjectNode) pools.path("items").get(0).path("membersReference").path("items").get(0).deepCopy();
        loaded.putObject("membersReference").put("isSubcollection", true).putArray("items").add(desired)
                .addObject().put("name", "10.2.10.23%0:31002").put("partition", "mesos").put("session", "user-enabled");
        Reply put = client.put("/mgmt/tm/ltm/pool/~mesos~app_80/", loaded.toString());
        assertThat(put.status()).isEqualTo(200);
        assertThat(IControlEndpointsTest.names(client.get("/mgmt/tm/ltm/pool/~mesos~app_80/members/").body()))
                .containsExactly("10.2.10.22%0:31001", "10.2.10.23%0:31002");

        // Delete in CCCL's order, each after a GET of the object; then node GC.
        for (String path : List.of("ltm/virtual/~mesos~app_80/", "ltm/pool/~mesos~app_80/", "ltm/monitor/http/~mesos~app_80_0_http/")) {
            assertThat(client.get("/mgmt/tm/" + path).status()).as(path).isEqualTo(200);
            assertThat(client.delete("/mgmt/tm/" + path).status()).as(path).isEqualTo(200);
        }
        for (JsonNode node : client.get("/mgmt/tm/ltm/node/?$filter=partition+eq+mesos").body().path("items")) {
            String name = node.path("name").asText().replace("%", "%25");
            assertThat(client.delete("/mgmt/tm/ltm/node/~mesos~" + name + "/").status()).isEqualTo(200);
        }
        refresh();
        for (String path : EXPANDED) {
            assertThat(client.get("/mgmt/tm/" + path + "?$filter=partition+eq+mesos").body().has("items")).as(path).isFalse();
        }
        assertThat(client.get("/mgmt/tm/ltm/virtual-address/?$filter=partition+eq+mesos").body().has("items")).isFalse();
        assertThat(bigip.requestLog()).allMatch(line -> !line.endsWith(" 401") && !line.endsWith(" 500"));
    }
}
