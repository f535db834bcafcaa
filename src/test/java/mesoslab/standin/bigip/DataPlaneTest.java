package mesoslab.standin.bigip;

import static mesoslab.standin.bigip.IControlClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TCP through virtual servers on loopback VIPs (127.78.0.0/16) to real HTTP backends, with
 * monitors at a 1 s interval and 2 s timeout so failures show within seconds.
 */
class DataPlaneTest {
    @TempDir
    Path dir;
    private BigIpStandIn bigip;
    private IControlClient client;
    private final List<Backend> backends = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        bigip = StandIns.start(dir.resolve("state.json"));
        client = IControlClient.to(bigip, StandIns.USER, StandIns.PASSWORD);
        assertThat(client.post("/mgmt/tm/auth/partition", json("{'name':'mesos'}")).status()).isEqualTo(200);
        assertThat(client.post("/mgmt/tm/ltm/monitor/http", json("{'name':'hello_http','partition':'mesos','interval':1,'timeout':2,"
                + "'send':'GET / HTTP/1.0\\\\r\\\\n\\\\r\\\\n','recv':'200 OK'}")).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        bigip.close();
        backends.forEach(Backend::close);
    }

    private Backend backend(String name) throws IOException {
        Backend b = new Backend(name);
        backends.add(b);
        return b;
    }

    private void pool(String name, String monitor, Backend... members) throws Exception {
        StringBuilder items = new StringBuilder();
        for (Backend b : members) {
            items.append(items.length() == 0 ? "" : ",").append("{'name':'").append(b.member()).append("','partition':'mesos'}");
        }
        assertThat(client.post("/mgmt/tm/ltm/pool", json("{'name':'" + name + "','partition':'mesos','loadBalancingMode':'round-robin',"
                + (monitor == null ? "" : "'monitor':'" + monitor + "',") + "'members':[" + items + "]}")).status()).isEqualTo(200);
    }

    private void virtual(String name, String vip, int port, String pool) throws Exception {
        assertThat(client.post("/mgmt/tm/ltm/virtual", json("{'name':'" + name + "','partition':'mesos','destination':'/mesos/" + vip
                + "%0:" + port + "','ipProtocol':'tcp','pool':'/mesos/" + pool + "','sourceAddressTranslation':{'type':'automap'}}"))
                .status()).isEqualTo(200);
        bigip.awaitDataPlane();
    }

    /** Member name → state, as GET .../members reports it. */
    private Map<String, String> memberStates(String pool) throws Exception {
        Map<String, String> states = new TreeMap<>();
        for (JsonNode m : client.get("/mgmt/tm/ltm/pool/~mesos~" + pool + "/members").body().path("items")) {
            states.put(m.path("name").asText(), m.path("state").asText());
        }
        return states;
    }

    private void awaitState(String pool, Backend member, String state) throws Exception {
        long deadline = System.nanoTime() + 6_000_000_000L;
        String last = null;
        while (System.nanoTime() < deadline) {
            last = memberStates(pool).get(member.member());
            if (state.equals(last)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("member " + member.member() + " of " + pool + " did not become " + state + " (last: " + last
                + "); log: " + StandIns.LOG);
    }

    @Test
    void trafficAlternatesBetweenTwoBackendsAndLeavesOneWhoseHttpMonitorFails() throws Exception {
        Backend a = backend("backend-a");
        Backend b = backend("backend-b");
        pool("web_80", "/mesos/hello_http", a, b);
        int port = Backend.freePort("127.78.0.10");
        virtual("web_80", "127.78.0.10", port, "web_80");
        awaitState("web_80", a, "up");
        awaitState("web_80", b, "up");

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(Backend.get("127.78.0.10", port));
        }
        assertThat(answers).containsOnly("backend-a", "backend-b");
        assertThat(answers.get(0)).isNotEqualTo(answers.get(1));
        assertThat(answers.get(2)).isEqualTo(answers.get(0));
        assertThat(answers.get(3)).isEqualTo(answers.get(1));

        a.answer(500); // the monitor's recv "200 OK" no longer matches
        awaitState("web_80", a, "down");
        for (int i = 0; i < 4; i++) {
            assertThat(Backend.get("127.78.0.10", port)).isEqualTo("backend-b");
        }

        b.close(); // stops listening: the probe cannot even connect
        awaitState("web_80", b, "down");
        long started = System.nanoTime();
        assertThatThrownBy(() -> Backend.get("127.78.0.10", port)).isInstanceOf(IOException.class);
        assertThat((System.nanoTime() - started) / 1_000_000).as("refused at once, not hung (ms)").isLessThan(1000);

        a.answer(200);
        awaitState("web_80", a, "up");
        assertThat(Backend.get("127.78.0.10", port)).isEqualTo("backend-a");
    }

    @Test
    void aPoolWithNoMemberUpRefusesConnectionsImmediately() throws Exception {
        assertThat(client.post("/mgmt/tm/ltm/monitor/tcp", json("{'name':'t','partition':'mesos','interval':1,'timeout':2}")).status())
                .isEqualTo(200);
        Backend gone = backend("gone");
        gone.close();
        pool("dead_80", "/mesos/t", gone);
        int port = Backend.freePort("127.78.0.11");
        virtual("dead_80", "127.78.0.11", port, "dead_80");
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> Backend.get("127.78.0.11", port)).isInstanceOf(IOException.class);
            assertThat((System.nanoTime() - started) / 1_000_000).as("ms until refused").isLessThan(1000);
        }
        awaitState("dead_80", gone, "down");
    }

    @Test
    void changesToVirtualsAndPoolsTakeEffectLive() throws Exception {
        Backend a = backend("backend-a");
        Backend b = backend("backend-b");
        pool("live_80", null, a); // no monitor: members are up at once
        int port = Backend.freePort("127.78.0.12");
        virtual("live_80", "127.78.0.12", port, "live_80");
        assertThat(memberStates("live_80")).containsEntry(a.member(), "unchecked");
        assertThat(Backend.get("127.78.0.12", port)).isEqualTo("backend-a");

        client.put("/mgmt/tm/ltm/pool/~mesos~live_80", json("{'members':[{'name':'" + b.member() + "','partition':'mesos'}]}"));
        bigip.awaitDataPlane();
        assertThat(Backend.get("127.78.0.12", port)).isEqualTo("backend-b");

        client.patch("/mgmt/tm/ltm/virtual/~mesos~live_80", json("{'disabled':true}"));
        bigip.awaitDataPlane();
        assertThatThrownBy(() -> Backend.get("127.78.0.12", port)).isInstanceOf(ConnectException.class);

        client.patch("/mgmt/tm/ltm/virtual/~mesos~live_80", json("{'enabled':true}"));
        bigip.awaitDataPlane();
        assertThat(Backend.get("127.78.0.12", port)).isEqualTo("backend-b");

        client.patch("/mgmt/tm/ltm/pool/~mesos~live_80/members/~mesos~" + b.member().replace("%", "%25"),
                json("{'session':'user-disabled'}"));
        bigip.awaitDataPlane();
        assertThatThrownBy(() -> Backend.get("127.78.0.12", port)).isInstanceOf(IOException.class);

        int moved = Backend.freePort("127.78.0.13");
        client.patch("/mgmt/tm/ltm/virtual/~mesos~live_80", json("{'destination':'/mesos/127.78.0.13:" + moved + "'}"));
        client.patch("/mgmt/tm/ltm/pool/~mesos~live_80/members/~mesos~" + b.member().replace("%", "%25"),
                json("{'session':'user-enabled'}"));
        bigip.awaitDataPlane();
        assertThat(Backend.get("127.78.0.13", moved)).isEqualTo("backend-b");
        assertThatThrownBy(() -> Backend.get("127.78.0.12", port)).isInstanceOf(ConnectException.class);

        client.delete("/mgmt/tm/ltm/virtual/~mesos~live_80");
        bigip.awaitDataPlane();
        assertThatThrownBy(() -> Backend.get("127.78.0.13", moved)).isInstanceOf(ConnectException.class);
    }
}
