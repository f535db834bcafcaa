package mesoslab.standin.bigip;

import static mesoslab.standin.bigip.IControlClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mesoslab.standin.bigip.IControlClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each endpoint against the shapes of reference section 3, over real HTTPS. */
class IControlEndpointsTest {
    @TempDir
    Path dir;
    private BigIpStandIn bigip;
    private IControlClient client;

    @BeforeEach
    void start() throws Exception {
        bigip = StandIns.start(dir.resolve("state.json"));
        client = IControlClient.to(bigip, StandIns.USER, StandIns.PASSWORD);
    }

    @AfterEach
    void stop() {
        bigip.close();
    }

    /** The lab's objects, as the controller creates them (reference sections 3.5, 3.6, 3.8). */
    private void createLabObjects() throws Exception {
        assertThat(client.post("/mgmt/tm/auth/partition", json("{'name':'mesos'}")).status()).isEqualTo(200);
        assertThat(client.post("/mgmt/tm/ltm/monitor/http/", json("{'name':'f5-hello-world_80_0_http','partition':'mesos',"
                + "'interval':16,'timeout':53,'send':'GET / HTTP/1.0\\\\r\\\\n\\\\r\\\\n','recv':''}")).status()).isEqualTo(200);
        assertThat(client.post("/mgmt/tm/ltm/pool/", json("{'name':'f5-hello-world_80','partition':'mesos',"
                + "'loadBalancingMode':'round-robin','monitor':'/mesos/f5-hello-world_80_0_http','description':null,"
                + "'membersReference':{'isSubcollection':true,'items':["
                + "{'name':'10.2.10.22%0:31001','partition':'mesos','ratio':1,'connectionLimit':0,'priorityGroup':0,"
                + "'session':'user-enabled','description':null}]}}")).status()).isEqualTo(200);
        assertThat(client.post("/mgmt/tm/ltm/virtual/", json("{'name':'f5-hello-world_80','partition':'mesos',"
                + "'destination':'/mesos/10.2.10.81%0:80','source':'0.0.0.0%0/0','ipProtocol':'tcp',"
                + "'pool':'/mesos/f5-hello-world_80','enabled':true,'vlansDisabled':true,'vlans':[],'connectionLimit':0,"
                + "'rules':[],'policies':[],'sourceAddressTranslation':{'type':'automap'},"
                + "'profiles':[{'name':'http','partition':'Common','context':'all'},{'name':'tcp','partition':'Common','context':'all'}],"
                + "'metadata':[{'name':'user_agent','persist':'true','value':'marathon-bigip-ctlr-v1.3.2'}]}")).status())
                .isEqualTo(200);
    }

    @Test
    void sysCollectionCarriesTheVersionInItsSelfLink() throws Exception {
        Reply sys = client.get("/mgmt/tm/sys/");
        assertThat(sys.status()).isEqualTo(200);
        assertThat(sys.body().path("kind").asText()).isEqualTo("tm:sys:syscollectionstate");
        assertThat(sys.body().path("selfLink").asText()).isEqualTo("https://localhost/mgmt/tm/sys?ver=13.1.1");
        assertThat(sys.body().path("items").get(0).path("reference").path("link").asText()).contains("?ver=13.1.1");

        JsonNode version = client.get("/mgmt/tm/sys/version").body();
        assertThat(version.path("kind").asText()).isEqualTo("tm:sys:version:versionstats");
        JsonNode entries = version.path("entries").path("https://localhost/mgmt/tm/sys/version/0").path("nestedStats").path("entries");
        assertThat(entries.path("Product").path("description").asText()).isEqualTo("BIG-IP");
        assertThat(entries.path("Version").path("description").asText()).isEqualTo("13.1.1");
        assertThat(entries.path("Build").path("description").asText()).isNotEmpty();
    }

    @Test
    void partitionsAreAddressedByBareNameWithFullPathEqualToTheName() throws Exception {
        JsonNode created = client.post("/mgmt/tm/auth/partition", json("{'name':'mesos','description':'lab'}")).body();
        assertThat(created.path("kind").asText()).isEqualTo("tm:auth:partition:partitionstate");
        assertThat(created.path("fullPath").asText()).isEqualTo("mesos");
        assertThat(created.path("defaultRouteDomain").asInt(-1)).isZero();
        assertThat(created.path("selfLink").asText()).isEqualTo("https://localhost/mgmt/tm/auth/partition/mesos?ver=13.1.1");

        JsonNode got = client.get("/mgmt/tm/auth/partition/mesos").body();
        assertThat(got.path("description").asText()).isEqualTo("lab");
        JsonNode all = client.get("/mgmt/tm/auth/partition").body();
        assertThat(all.path("kind").asText()).isEqualTo("tm:auth:partition:partitioncollectionstate");
        assertThat(names(all)).containsExactly("Common", "mesos");

        assertThat(client.delete("/mgmt/tm/auth/partition/mesos").status()).isEqualTo(200);
        assertThat(client.get("/mgmt/tm/auth/partition/mesos").status()).isEqualTo(404);
    }

    @Test
    void virtualServerHasF5ShapeAndAutoCreatesItsVirtualAddress() throws Exception {
        createLabObjects();
        JsonNode vs = client.get("/mgmt/tm/ltm/virtual/~mesos~f5-hello-world_80").body();
        assertThat(vs.path("kind").asText()).isEqualTo("tm:ltm:virtual:virtualstate");
        assertThat(vs.path("name").asText()).isEqualTo("f5-hello-world_80");
        assertThat(vs.path("partition").asText()).isEqualTo("mesos");
        assertThat(vs.path("fullPath").asText()).isEqualTo("/mesos/f5-hello-world_80");
        assertThat(vs.path("generation").asLong()).isPositive();
        assertThat(vs.path("selfLink").asText()).isEqualTo("https://localhost/mgmt/tm/ltm/virtual/~mesos~f5-hello-world_80?ver=13.1.1");
        assertThat(vs.path("destination").asText()).isEqualTo("/mesos/10.2.10.81%0:80");
        assertThat(vs.path("pool").asText()).isEqualTo("/mesos/f5-hello-world_80");
        assertThat(vs.path("poolReference").path("link").asText()).isEqualTo("https://localhost/mgmt/tm/ltm/pool/~mesos~f5-hello-world_80?ver=13.1.1");
        assertThat(vs.path("enabled").asBoolean()).isTrue();
        assertThat(vs.has("disabled")).isFalse();
        assertThat(vs.path("sourceAddressTranslation").path("type").asText()).isEqualTo("automap");
        assertThat(vs.path("metadata").get(0).path("name").asText()).isEqualTo("user_agent");
        assertThat(vs.path("profilesReference").path("isSubcollection").asBoolean()).isTrue();
        assertThat(vs.path("profilesReference").has("items")).as("items only when expanded").isFalse();

        JsonNode expanded = client.get("/mgmt/tm/ltm/virtual/?$filter=partition+eq+mesos&expandSubcollections=true").body();
        assertThat(expanded.path("kind").asText()).isEqualTo("tm:ltm:virtual:virtualcollectionstate");
        JsonNode profiles = expanded.path("items").get(0).path("profilesReference").path("items");
        assertThat(profiles).hasSize(2);
        assertThat(profiles.get(0).path("kind").asText()).isEqualTo("tm:ltm:virtual:profiles:profilesstate");
        assertThat(profiles.get(0).path("fullPath").asText()).isEqualTo("/Common/http");
        assertThat(profiles.get(0).path("context").asText()).isEqualTo("all");

        JsonNode va = client.get("/mgmt/tm/ltm/virtual-address/~mesos~10.2.10.81").body();
        assertThat(va.path("kind").asText()).isEqualTo("tm:ltm:virtual-address:virtual-addressstate");
        assertThat(va.path("address").asText()).isEqualTo("10.2.10.81");
        assertThat(va.path("fullPath").asText()).isEqualTo("/mesos/10.2.10.81");
    }

    @Test
    void poolMembersAreASubcollectionAndAutoCreateTheirNodes() throws Exception {
        createLabObjects();
        JsonNode pool = client.get("/mgmt/tm/ltm/pool/~mesos~f5-hello-world_80/").body();
        assertThat(pool.path("kind").asText()).isEqualTo("tm:ltm:pool:poolstate");
        assertThat(pool.path("monitor").asText()).isEqualTo("/mesos/f5-hello-world_80_0_http");
        assertThat(pool.path("loadBalancingMode").asText()).isEqualTo("round-robin");
        assertThat(pool.path("membersReference").path("link").asText())
                .isEqualTo("https://localhost/mgmt/tm/ltm/pool/~mesos~f5-hello-world_80/members?ver=13.1.1");
        assertThat(pool.has("description")).as("JSON null is accepted and ignored").isFalse();

        JsonNode members = client.get("/mgmt/tm/ltm/pool/~mesos~f5-hello-world_80/members").body();
        assertThat(members.path("kind").asText()).isEqualTo("tm:ltm:pool:members:memberscollectionstate");
        JsonNode member = members.path("items").get(0);
        assertThat(member.path("kind").asText()).isEqualTo("tm:ltm:pool:members:membersstate");
        assertThat(member.path("name").asText()).as("echoed exactly as created, %0 included").isEqualTo("10.2.10.22%0:31001");
        assertThat(member.path("fullPath").asText()).isEqualTo("/mesos/10.2.10.22%0:31001");
        assertThat(member.path("address").asText()).isEqualTo("10.2.10.22");
        assertThat(member.path("selfLink").asText()).isEqualTo(
                "https://localhost/mgmt/tm/ltm/pool/~mesos~f5-hello-world_80/members/~mesos~10.2.10.22%250:31001?ver=13.1.1");

        // Members added one by one (percent-encoded name in the URL, as f5-sdk sends it).
        Reply added = client.post("/mgmt/tm/ltm/pool/~mesos~f5-hello-world_80/members/",
                json("{'name':'10.2.10.23%0:31002','partition':'mesos'}"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(client.get("/mgmt/tm/ltm/pool/~mesos~f5-hello-world_80/members/~mesos~10.2.10.23%250:31002").status()).isEqualTo(200);

        JsonNode nodes = client.get("/mgmt/tm/ltm/node?$filter=partition%20eq%20mesos").body();
        assertThat(names(nodes)).containsExactly("10.2.10.22%0", "10.2.10.23%0");
        JsonNode node = nodes.path("items").get(0);
        assertThat(node.path("kind").asText()).isEqualTo("tm:ltm:node:nodestate");
        assertThat(node.path("address").asText()).isEqualTo("10.2.10.22");
        assertThat(node.path("state").asText()).isEqualTo("unchecked");
        assertThat(node.path("session").asText()).isEqualTo("user-enabled");

        assertThat(client.delete("/mgmt/tm/ltm/pool/~mesos~f5-hello-world_80/members/~mesos~10.2.10.23%250:31002/").status())
                .isEqualTo(200);
        assertThat(names(client.get("/mgmt/tm/ltm/pool/~mesos~f5-hello-world_80/members").body())).containsExactly("10.2.10.22%0:31001");
    }

    @Test
    void monitorsOfBothTypesHaveTheirKindsAndDefaults() throws Exception {
        createLabObjects();
        client.post("/mgmt/tm/ltm/monitor/tcp", json("{'name':'t1','partition':'mesos','interval':5,'timeout':16,'send':'','recv':''}"));
        JsonNode http = client.get("/mgmt/tm/ltm/monitor/http/~mesos~f5-hello-world_80_0_http").body();
        assertThat(http.path("kind").asText()).isEqualTo("tm:ltm:monitor:http:httpstate");
        assertThat(http.path("interval").asInt()).isEqualTo(16);
        assertThat(http.path("timeout").asInt()).isEqualTo(53);
        assertThat(http.path("send").asText()).isEqualTo("GET / HTTP/1.0\\r\\n\\r\\n");
        assertThat(http.path("defaultsFrom").asText()).isEqualTo("/Common/http");
        JsonNode tcp = client.get("/mgmt/tm/ltm/monitor/tcp?$filter=partition+eq+mesos").body();
        assertThat(tcp.path("kind").asText()).isEqualTo("tm:ltm:monitor:tcp:tcpcollectionstate");
        assertThat(tcp.path("items").get(0).path("kind").asText()).isEqualTo("tm:ltm:monitor:tcp:tcpstate");
        assertThat(names(client.get("/mgmt/tm/ltm/monitor/http").body())).as("built-ins are in Common").contains("http");
    }

    @Test
    void filterSelectsOnePartitionAndEmptyCollectionsOmitItems() throws Exception {
        createLabObjects();
        assertThat(names(client.get("/mgmt/tm/ltm/pool?$filter=partition%20eq%20mesos").body())).containsExactly("f5-hello-world_80");
        JsonNode empty = client.get("/mgmt/tm/ltm/pool?$filter=partition+eq+other").body();
        assertThat(empty.path("kind").asText()).isEqualTo("tm:ltm:pool:poolcollectionstate");
        assertThat(empty.has("items")).isFalse();
        // Every collection the controller's refresh reads answers, even if empty.
        for (String path : List.of("ltm/monitor/https", "ltm/monitor/udp", "ltm/monitor/gateway-icmp", "sys/application/service",
                "ltm/rule", "ltm/data-group/internal", "ltm/policy")) {
            Reply reply = client.get("/mgmt/tm/" + path + "/?$filter=partition+eq+mesos&expandSubcollections=true");
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.body().path("kind").asText()).as(path).endsWith("collectionstate");
        }
        JsonNode selected = client.get("/mgmt/tm/ltm/virtual?$select=name,destination").body().path("items").get(0);
        assertThat(fields(selected)).containsExactly("name", "destination");
    }

    @Test
    void putReplacesWholeObjectAndPatchMergesBothBumpingGeneration() throws Exception {
        createLabObjects();
        String path = "/mgmt/tm/ltm/pool/~mesos~f5-hello-world_80";
        JsonNode before = client.get(path + "?expandSubcollections=true").body();
        long generation = before.path("generation").asLong();

        JsonNode patched = client.patch(path, json("{'description':'patched'}")).body();
        assertThat(patched.path("description").asText()).isEqualTo("patched");
        assertThat(patched.path("monitor").asText()).as("PATCH keeps what it does not name").isEqualTo("/mesos/f5-hello-world_80_0_http");
        assertThat(patched.path("generation").asLong()).isGreaterThan(generation);
        assertThat(patched.path("membersReference").path("items")).hasSize(1);

        // f5-sdk sends the loaded object back with read-only fields; they are ignored.
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) patched.deepCopy();
        body.put("loadBalancingMode", "least-connections-member");
        body.remove("description");
        body.putObject("membersReference").put("isSubcollection", true).putArray("items")
                .addObject().put("name", "10.2.10.24%0:31003").put("partition", "mesos");
        JsonNode put = client.put(path + "/", body.toString()).body();
        assertThat(put.path("loadBalancingMode").asText()).isEqualTo("least-connections-member");
        assertThat(put.has("description")).as("PUT resets what it does not name").isFalse();
        assertThat(put.path("generation").asLong()).isGreaterThan(patched.path("generation").asLong());
        assertThat(put.path("kind").asText()).isEqualTo("tm:ltm:pool:poolstate");
        assertThat(names(client.get(path + "/members").body())).as("PUT replaces the members").containsExactly("10.2.10.24%0:31003");

        JsonNode disabled = client.patch("/mgmt/tm/ltm/virtual/~mesos~f5-hello-world_80", json("{'disabled':true}")).body();
        assertThat(disabled.path("disabled").asBoolean()).isTrue();
        assertThat(disabled.has("enabled")).as("enabled and disabled are exclusive").isFalse();
    }

    static List<String> names(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.path("items").forEach(i -> names.add(i.path("name").asText()));
        return names;
    }

    static List<String> fields(JsonNode object) {
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        return fields;
    }
}
