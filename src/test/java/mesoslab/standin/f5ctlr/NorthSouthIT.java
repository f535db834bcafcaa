package mesoslab.standin.f5ctlr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The lab's North-South path end to end on the stand-ins ({@link NorthSouthLab}), with the
 * controller deployed the way the lab deploys it (a Marathon app running image
 * {@code f5networks/marathon-bigip-ctlr}, configured by {@code MARATHON_URL} and {@code F5_CC_*})
 * and every observation made through a real API: Marathon's REST API and event stream, iControl
 * REST, DNS queries to Mesos-DNS, HTTP through the virtual server. One lab for the class; the
 * tests run in order, each starting from where the previous one left the lab.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NorthSouthIT {
    private static final String APP = "f5-hello-world";
    private static final String CONTROLLER = "f5/marathon-bigip-ctlr";
    private static final int VIP_PORT = 10080;
    private static final String NAME = APP + "_" + VIP_PORT;
    /** Far longer than the test: a change that shows up at once came from an event, not from the periodic resync. */
    private static final String EVENTS_ONLY = "300";
    private static final String QUICK_RESYNC = "2";

    private NorthSouthLab lab;
    private MarathonApi marathon;
    private TestIControl admin;

    @RegisterExtension
    final TestWatcher diagnostics = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (lab != null) {
                System.out.println("controller's stderr:\n" + lab.sandboxStderr("marathon-bigip-ctlr"));
                System.out.println("BIG-IP stand-in's log (last 30):\n" + String.join("\n", tail(lab.bigip().log(), 30)));
            }
        }
    };

    @BeforeAll
    void startLab() throws Exception {
        lab = NorthSouthLab.start();
        marathon = lab.marathon();
        admin = lab.admin();
        marathon.recordEvents();
        marathon.send("POST", "/v2/apps", controllerApp(EVENTS_ONLY));
        marathon.send("POST", "/v2/apps", helloApp());
        Await.until("2 running " + APP + " tasks and no deployment", Duration.ofSeconds(40),
                () -> marathon.tasks(APP).size() == 2 && marathon.idle(), done -> done);
    }

    @AfterAll
    void stopLab() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    /** The lab's f5-bigip-ctlr.json, pointed at this lab. */
    private String controllerApp(String verifyInterval) {
        return """
                {"id": "%s", "cpus": 0.5, "mem": 64.0, "instances": 1,
                 "container": {"type": "DOCKER", "docker": {"image": "f5networks/marathon-bigip-ctlr:latest", "network": "BRIDGE"}},
                 "env": {"MARATHON_URL": "%s", "F5_CC_PARTITIONS": "%s", "F5_CC_BIGIP_HOSTNAME": "%s",
                         "F5_CC_BIGIP_USERNAME": "%s", "F5_CC_BIGIP_PASSWORD": "%s", "F5_CC_VERIFY_INTERVAL": "%s"}}
                """.formatted(CONTROLLER, marathon.url(), NorthSouthLab.PARTITION, lab.bigip().url().getAuthority(),
                BigIpUnderTest.USER, BigIpUnderTest.PASSWORD, verifyInterval);
    }

    /** The lab's f5-hello-world-app.json, with this lab's VIP and quick health checks. */
    private String helloApp() {
        return """
                {"id": "%s", "cpus": 0.1, "mem": 64.0, "instances": 2,
                 "container": {"type": "DOCKER", "docker": {"image": "f5devcentral/f5-hello-world:latest", "network": "BRIDGE",
                   "forcePullImage": false, "portMappings": [{"containerPort": 8080, "hostPort": 0, "protocol": "tcp"}]}},
                 "labels": {"F5_PARTITION": "%s", "F5_0_BIND_ADDR": "%s", "F5_0_MODE": "http", "F5_0_BALANCE": "round-robin",
                            "F5_0_PORT": "%d"},
                 "healthChecks": [{"protocol": "HTTP", "portIndex": 0, "path": "/", "gracePeriodSeconds": 5,
                   "intervalSeconds": 1, "timeoutSeconds": 1, "maxConsecutiveFailures": 3}]}
                """.formatted(APP, NorthSouthLab.PARTITION, lab.vip(), VIP_PORT);
    }

    // ---- the tests, in the order the lab is walked through -----------------------------------

    @Test
    @Order(1)
    void theLabelledAppBecomesAVirtualServerAndAPoolWithOneMemberPerTaskAndAMonitorNamedAsF5NamesThem() throws Exception {
        Set<String> expected = membersOfTasks();
        awaitMembers(expected, Duration.ofSeconds(20));
        // The virtual server comes last, in CCCL's dependency order.
        JsonNode vs = Await.until("virtual server " + NAME, Duration.ofSeconds(5),
                () -> admin.items("ltm/virtual", NorthSouthLab.PARTITION), items -> !items.isEmpty()).get(0);
        assertThat(admin.names("ltm/virtual", NorthSouthLab.PARTITION)).containsExactly(NAME);
        assertThat(vs.path("name").asText()).isEqualTo(NAME);
        assertThat(vs.path("destination").asText()).matches("/mesos/" + lab.vip().replace(".", "\\.") + "(%0)?:" + VIP_PORT);
        assertThat(vs.path("pool").asText()).isEqualTo("/mesos/" + NAME);
        assertThat(vs.path("ipProtocol").asText()).isEqualTo("tcp");
        assertThat(vs.path("enabled").asBoolean()).isTrue();
        assertThat(vs.path("sourceAddressTranslation").path("type").asText()).isEqualTo("automap");
        assertThat(vs.path("profilesReference").path("items").findValuesAsText("name")).containsExactlyInAnyOrder("http", "tcp");

        JsonNode pool = only(admin.items("ltm/pool", NorthSouthLab.PARTITION));
        assertThat(pool.path("name").asText()).isEqualTo(NAME);
        assertThat(pool.path("loadBalancingMode").asText()).isEqualTo("round-robin");
        assertThat(pool.path("monitor").asText().strip()).isEqualTo("/mesos/" + NAME + "_0_http");

        JsonNode monitor = only(admin.items("ltm/monitor/http", NorthSouthLab.PARTITION));
        assertThat(monitor.path("name").asText()).isEqualTo(NAME + "_0_http");
        assertThat(monitor.path("interval").asInt()).isEqualTo(1);
        // (maxConsecutiveFailures - 1) * intervalSeconds + timeoutSeconds + 1
        assertThat(monitor.path("timeout").asInt()).isEqualTo(4);
        assertThat(monitor.path("send").asText()).isEqualTo("GET / HTTP/1.0\\r\\n\\r\\n");
        // The controller's own app has no F5 labels: nothing of it reaches the BIG-IP.
        assertThat(admin.names("ltm/pool", NorthSouthLab.PARTITION)).containsExactly(NAME);
    }

    @Test
    @Order(2)
    void httpThroughTheVirtualServerReachesEveryTask() throws Exception {
        assertThat(answeringTasks()).isEqualTo(taskIds());
    }

    @Test
    @Order(3)
    void mesosDnsResolvesTheAppToItsTasksAgentsAndHostPorts() throws Exception {
        Map<Integer, String> hostByPort = new HashMap<>();
        for (JsonNode task : marathon.tasks(APP)) {
            hostByPort.put(task.path("ports").get(0).asInt(), task.path("host").asText());
        }
        Set<String> hosts = new TreeSet<>(hostByPort.values());
        for (boolean tcp : List.of(false, true)) {
            Set<String> a = Await.until(APP + ".marathon.mesos A (tcp=" + tcp + ")", Duration.ofSeconds(10),
                    () -> addresses(query(APP + ".marathon.mesos.", Type.A, tcp).getSection(Section.ANSWER)), hosts::equals);
            assertThat(a).isEqualTo(hosts);

            Message srv = query("_" + APP + "._tcp.marathon.mesos.", Type.SRV, tcp);
            assertThat(srv.getRcode()).isEqualTo(Rcode.NOERROR);
            Map<String, String> additional = srv.getSection(Section.ADDITIONAL).stream().filter(ARecord.class::isInstance)
                    .collect(Collectors.toMap(r -> r.getName().toString(), r -> ((ARecord) r).getAddress().getHostAddress()));
            Map<Integer, String> srvHostByPort = new HashMap<>();
            for (Record r : srv.getSection(Section.ANSWER)) {
                SRVRecord record = (SRVRecord) r;
                assertThat(record.getTarget().toString()).matches(APP + "-[a-z0-9]{5}-s\\d+\\.marathon\\.mesos\\.");
                srvHostByPort.put(record.getPort(), additional.get(record.getTarget().toString()));
            }
            assertThat(srvHostByPort).as("SRV port -> A of its target").isEqualTo(hostByPort);
        }
        assertThat(addresses(query("leader.mesos.", Type.A, false).getSection(Section.ANSWER))).containsExactly("127.0.0.1");
        assertThat(query("no-such-app.marathon.mesos.", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    @Order(4)
    void scalingFromTwoToThreeAddsTheThirdMemberOnTheEventLongBeforeAnyResync() throws Exception {
        long sent = System.nanoTime();
        marathon.send("PUT", "/v2/apps/" + APP, "{\"instances\": 3}");
        Await.until("3 running tasks", Duration.ofSeconds(20), () -> marathon.tasks(APP).size(), n -> n == 3);

        // F5_CC_VERIFY_INTERVAL is 300 s: within seconds can only be Marathon's event.
        awaitMembers(membersOfTasks(), Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(30));
        assertThat(answeringTasks()).hasSize(3).isEqualTo(taskIds());
        Await.until("the scale deployment finished", Duration.ofSeconds(20), marathon::idle, idle -> idle);
    }

    @Test
    @Order(5)
    void whileTheBigIpIsDownTheAppScalesAndOnceTheBigIpIsBackTheControllerConvergesOnItsOwn() throws Exception {
        String controllerTask = marathon.tasks(CONTROLLER).get(0).path("id").asText();
        lab.bigip().goDown();
        try {
            assertThatThrownBy(() -> ThroughTheVip.taskThatAnswers(lab.vip(), VIP_PORT)).isInstanceOf(ConnectException.class);
            marathon.send("PUT", "/v2/apps/" + APP, "{\"instances\": 2}");
            Await.until("2 running tasks", Duration.ofSeconds(20), () -> marathon.tasks(APP).size() == 2 && marathon.idle(), ok -> ok);
            Thread.sleep(1500); // the controller's pass on the scale event fails and it backs off
        } finally {
            lab.bigip().comeBack(); // also when the test fails, so the next tests find a BIG-IP
        }

        awaitMembers(membersOfTasks(), Duration.ofSeconds(20));
        assertThat(answeringTasks()).isEqualTo(taskIds());
        assertThat(marathon.tasks(CONTROLLER)).singleElement()
                .satisfies(t -> assertThat(t.path("id").asText()).as("the same controller, not a restarted one").isEqualTo(controllerTask));
    }

    @Test
    @Order(6)
    void aManualChangeOnTheBigIpIsRevertedAtTheNextResyncWithoutAnyMarathonEvent() throws Exception {
        marathon.send("PUT", "/v2/apps/" + CONTROLLER, controllerApp(QUICK_RESYNC));
        Await.until("the controller redeployed with a " + QUICK_RESYNC + " s resync", Duration.ofSeconds(20), () -> marathon.idle()
                && marathon.tasks(CONTROLLER).size() == 1, ok -> ok);
        Set<String> members = membersOfTasks();
        awaitMembers(members, Duration.ofSeconds(10));
        Thread.sleep(3000); // past the new controller's start-up passes and one resync
        String victim = members.iterator().next();

        int eventsBefore = marathon.eventTypes().size();
        assertThat(admin.send("DELETE", "ltm/pool/~mesos~" + NAME + "/members/~mesos~" + victim.replace("%", "%25"), null))
                .isEqualTo(200);
        assertThat(admin.send("PATCH", "ltm/virtual/~mesos~" + NAME, "{'disabled':true}")).isEqualTo(200);
        lab.bigip().awaitDataPlane();
        assertThat(admin.members(NorthSouthLab.PARTITION, NAME)).doesNotContain(victim);
        assertThatThrownBy(() -> ThroughTheVip.taskThatAnswers(lab.vip(), VIP_PORT)).isInstanceOf(ConnectException.class);

        awaitMembers(members, Duration.ofSeconds(6));
        Await.until("the virtual server enabled again", Duration.ofSeconds(6),
                () -> only(admin.items("ltm/virtual", NorthSouthLab.PARTITION)).path("enabled").asBoolean(), on -> on);
        assertThat(marathon.eventTypes().subList(eventsBefore, marathon.eventTypes().size()))
                .as("Marathon events meanwhile (the revert must come from the timer)").isEmpty();
        assertThat(answeringTasks()).isEqualTo(taskIds());
    }

    @Test
    @Order(7)
    void anAppThatLosesItsF5LabelsHasAllItsBigIpObjectsRemoved() throws Exception {
        marathon.send("PUT", "/v2/apps/" + APP, "{\"labels\": {}}");

        Await.until("partition " + NorthSouthLab.PARTITION + " emptied", Duration.ofSeconds(15), () -> List.of(
                admin.names("ltm/virtual", NorthSouthLab.PARTITION), admin.names("ltm/pool", NorthSouthLab.PARTITION),
                admin.names("ltm/monitor/http", NorthSouthLab.PARTITION), admin.names("ltm/node", NorthSouthLab.PARTITION),
                admin.names("ltm/virtual-address", NorthSouthLab.PARTITION)), all -> all.stream().allMatch(List::isEmpty));
        lab.bigip().awaitDataPlane();
        assertThatThrownBy(() -> ThroughTheVip.taskThatAnswers(lab.vip(), VIP_PORT)).isInstanceOf(ConnectException.class);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** {@code <host>%0:<port>} of every running task: F5's member naming in route domain 0. */
    private Set<String> membersOfTasks() throws Exception {
        Set<String> members = new TreeSet<>();
        for (JsonNode task : marathon.tasks(APP)) {
            members.add(task.path("host").asText() + "%0:" + task.path("ports").get(0).asInt());
        }
        return members;
    }

    private Set<String> taskIds() throws Exception {
        return marathon.tasks(APP).stream().map(t -> t.path("id").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    private void awaitMembers(Set<String> expected, Duration timeout) throws Exception {
        Await.until("pool " + NAME + " members " + expected, timeout,
                () -> new TreeSet<>(admin.members(NorthSouthLab.PARTITION, NAME)), expected::equals);
    }

    /**
     * The tasks that answer through the VIP, once the BIG-IP's monitor has every member up: a
     * connection per request, twice round the pool, so round robin must reach each member.
     */
    private Set<String> answeringTasks() throws Exception {
        Await.until("every member of " + NAME + " monitored up", Duration.ofSeconds(15), () -> {
            JsonNode pool = only(admin.items("ltm/pool", NorthSouthLab.PARTITION));
            return pool.path("membersReference").path("items").findValuesAsText("state");
        }, states -> !states.isEmpty() && states.stream().allMatch("up"::equals));
        int members = admin.members(NorthSouthLab.PARTITION, NAME).size();
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < 2 * members; i++) {
            ThroughTheVip.taskThatAnswers(lab.vip(), VIP_PORT).ifPresent(answered::add);
        }
        return new TreeSet<>(answered);
    }

    private Message query(String name, int type, boolean tcp) throws Exception {
        SimpleResolver resolver = new SimpleResolver(lab.dns());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(3));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    private static Set<String> addresses(List<Record> records) {
        return records.stream().map(r -> ((ARecord) r).getAddress().getHostAddress()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode only(List<JsonNode> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static List<String> tail(List<String> lines, int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
}
