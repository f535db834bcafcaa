package mesoslab.standin.f5ctlr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mesoslab.standin.f5ctlr.config.ControllerConfig;
import mesoslab.standin.f5ctlr.config.Password;
import mesoslab.standin.f5ctlr.config.TlsTrust;
import mesoslab.standin.f5ctlr.log.Log;
import mesoslab.standin.f5ctlr.sync.PassOutcome;
import mesoslab.standin.http.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The controller over real HTTP: a test Marathon with a real SSE stream on one side, an iControl
 * REST endpoint over HTTPS on the other: here the recorder, in
 * {@link F5ControllerOnTheBigIpStandInTest} the BIG-IP stand-in (see {@link #newBigIp()}). Every
 * check is made through iControl REST, as an operator would.
 */
class F5ControllerEndToEndTest {
    private static final String HELLO = "f5-hello-world_80";
    private static final List<String> TWO = List.of("10.2.10.22%0:31001", "10.2.10.23%0:31002");
    private static final List<String> THREE = List.of("10.2.10.22%0:31001", "10.2.10.23%0:31002", "10.2.10.24%0:31003");
    private static final Duration LONG_RESYNC = Duration.ofSeconds(60);

    private BigIpUnderTest bigip;
    private TestMarathonServer marathon;
    private TestIControl admin;
    private F5Controller controller;

    @BeforeEach
    void start() throws Exception {
        bigip = newBigIp();
        marathon = new TestMarathonServer();
        admin = new TestIControl(bigip.url(), BigIpUnderTest.USER, BigIpUnderTest.PASSWORD);
        assertThat(admin.send("POST", "auth/partition", "{'name':'mesos'}")).isEqualTo(200);
        assertThat(admin.send("POST", "auth/partition", "{'name':'other'}")).isEqualTo(200);
        marathon.serve(Fixtures.only("/f5-hello-world"));
    }

    /** The BIG-IP these tests run against. */
    BigIpUnderTest newBigIp() throws Exception {
        return BigIpUnderTest.recorder();
    }

    @AfterEach
    void stop() throws Exception {
        if (controller != null) {
            controller.close();
        }
        marathon.close();
        bigip.close();
    }

    private void startController(Duration verifyInterval) throws Exception {
        ControllerConfig config = new ControllerConfig(
                new ControllerConfig.Marathon(List.of(marathon.url()), Optional.empty(), Optional.empty(), Duration.ofSeconds(30), false,
                        Optional.empty()),
                new ControllerConfig.BigIp(bigip.url(), BigIpUnderTest.USER, new Password(BigIpUnderTest.PASSWORD), List.of("mesos"),
                        new TlsTrust.Insecure(), ""),
                new ControllerConfig.Timing(verifyInterval, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMillis(50)),
                new ControllerConfig.Logging("INFO", Log.DEFAULT_FORMAT));
        controller = F5Controller.start(config, Log.discard(), Optional::of);
    }

    private void awaitMembers(List<String> expected, Duration timeout) throws Exception {
        Await.until("pool " + HELLO + " members " + expected, timeout, () -> admin.members("mesos", HELLO), expected::equals);
    }

    private static ObjectNode helloWith(int tasks) {
        ObjectNode doc = Fixtures.only("/f5-hello-world");
        ArrayNode list = (ArrayNode) doc.path("apps").get(0).path("tasks");
        if (tasks == 3) {
            ObjectNode third = list.get(1).deepCopy();
            third.put("id", "f5-hello-world.instance-3b9d.1").put("host", "10.2.10.24").putArray("ports").add(31003);
            list.add(third);
        }
        return doc;
    }

    @Test
    void anAppWithF5LabelsGetsItsMonitorPoolWithOneMemberPerTaskAndVirtualInDependencyOrder() throws Exception {
        startController(LONG_RESYNC);

        awaitMembers(TWO, Duration.ofSeconds(5));
        assertThat(admin.names("ltm/monitor/http", "mesos")).containsExactly(HELLO + "_0_http");
        assertThat(admin.items("ltm/virtual", "mesos")).singleElement().satisfies(vs -> {
            assertThat(vs.path("name").asText()).isEqualTo(HELLO);
            assertThat(vs.path("destination").asText()).matches("/mesos/10\\.2\\.10\\.81(%0)?:80");
            assertThat(vs.path("pool").asText()).isEqualTo("/mesos/" + HELLO);
        });
        List<String> requests = bigip.requests();
        assertThat(requests.indexOf("POST /mgmt/tm/ltm/monitor/http/")).isNotNegative()
                .isLessThan(requests.indexOf("POST /mgmt/tm/ltm/pool/"));
        assertThat(requests.indexOf("POST /mgmt/tm/ltm/pool/")).isLessThan(requests.indexOf("POST /mgmt/tm/ltm/virtual/"));
        assertThat(requests).noneMatch(r -> r.contains("~other~") || r.contains("~Common~"));
    }

    @Test
    void aConvergedPartitionCostsOnlyReadsOnTheNextPass() throws Exception {
        startController(LONG_RESYNC);
        awaitMembers(TWO, Duration.ofSeconds(5));
        long passes = Await.until("the first pass to finish", Duration.ofSeconds(5), controller.loop()::passes, n -> n >= 1);
        int before = bigip.requests().size();

        marathon.emit("health_status_changed_event");
        Await.until("a second pass", Duration.ofSeconds(5), controller.loop()::passes, n -> n > passes);

        assertThat(bigip.requests().subList(before, bigip.requests().size())).isNotEmpty().allMatch(r -> r.startsWith("GET "));
        assertThat(controller.loop().lastOutcome()).isEqualTo(new PassOutcome.Converged(0));
    }

    @Test
    void scalingFromTwoToThreeTasksIsAppliedOnTheSseEventWithoutWaitingForTheResync() throws Exception {
        startController(LONG_RESYNC);
        awaitMembers(TWO, Duration.ofSeconds(5));
        Await.until("the event stream to be attached", Duration.ofSeconds(5), marathon::subscribers, n -> n >= 1);

        marathon.serve(helloWith(3));
        long sent = System.nanoTime();
        marathon.emit("status_update_event");

        awaitMembers(THREE, Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(LONG_RESYNC);
        assertThat(admin.names("ltm/node", "mesos")).containsExactly("10.2.10.22%0", "10.2.10.23%0", "10.2.10.24%0");
    }

    @Test
    void anAppThatLosesItsF5LabelsHasItsObjectsAndNodesRemovedAndOtherPartitionsStayUntouched() throws Exception {
        assertThat(admin.send("POST", "ltm/pool", "{'name':'theirs','partition':'other','membersReference':{'items':[{'name':'10.9.9.9%0:80'}]}}"))
                .isEqualTo(200);
        startController(LONG_RESYNC);
        awaitMembers(TWO, Duration.ofSeconds(5));
        Await.until("the event stream to be attached", Duration.ofSeconds(5), marathon::subscribers, n -> n >= 1);

        ObjectNode unlabelled = Fixtures.only("/f5-hello-world");
        ((ObjectNode) unlabelled.path("apps").get(0)).putObject("labels");
        marathon.serve(unlabelled);
        marathon.emit("api_post_event");

        Await.until("the partition to be emptied", Duration.ofSeconds(5), () -> List.of(admin.names("ltm/virtual", "mesos"),
                admin.names("ltm/pool", "mesos"), admin.names("ltm/monitor/http", "mesos"), admin.names("ltm/node", "mesos"),
                admin.names("ltm/virtual-address", "mesos")), all -> all.stream().allMatch(List::isEmpty));
        assertThat(admin.members("other", "theirs")).containsExactly("10.9.9.9%0:80");
        assertThat(admin.names("ltm/node", "other")).containsExactly("10.9.9.9%0");
    }

    @Test
    void aManualChangeOnTheBigIpIsRevertedAtTheNextResync() throws Exception {
        startController(Duration.ofSeconds(1));
        awaitMembers(TWO, Duration.ofSeconds(5));

        assertThat(admin.send("PATCH", "ltm/pool/~mesos~" + HELLO, "{'loadBalancingMode':'least-connections-member',"
                + "'membersReference':{'items':[{'name':'10.2.10.22%0:31001'}]}}")).isEqualTo(200);
        assertThat(admin.send("DELETE", "ltm/virtual/~mesos~" + HELLO, null)).isEqualTo(200);
        assertThat(admin.members("mesos", HELLO)).containsExactly("10.2.10.22%0:31001");

        awaitMembers(TWO, Duration.ofSeconds(4));
        Await.until("the virtual to be back", Duration.ofSeconds(4), () -> admin.names("ltm/virtual", "mesos"), List.of(HELLO)::equals);
        assertThat(admin.items("ltm/pool", "mesos").get(0).path("loadBalancingMode").asText()).isEqualTo("round-robin");
    }

    @Test
    void whileTheBigIpIsUnreachableTheControllerBacksOffAndConvergesOnceItReturns() throws Exception {
        startController(LONG_RESYNC);
        awaitMembers(TWO, Duration.ofSeconds(5));
        Await.until("the event stream to be attached", Duration.ofSeconds(5), marathon::subscribers, n -> n >= 1);

        bigip.goDown();
        marathon.serve(helloWith(3));
        marathon.emit("status_update_event");
        Await.until("a pass to fail", Duration.ofSeconds(5), () -> controller.loop().lastOutcome(), o -> o instanceof PassOutcome.Failed);
        long failedPasses = controller.loop().passes();
        Thread.sleep(1500);
        // Backoff 200 ms, 400 ms, 800 ms, then 1 s: a handful of attempts, not a tight loop.
        assertThat(controller.loop().passes() - failedPasses).isBetween(1L, 5L);
        bigip.comeBack();

        awaitMembers(THREE, Duration.ofSeconds(5));
        Await.until("a converged pass", Duration.ofSeconds(5), () -> controller.loop().lastOutcome(), o -> o instanceof PassOutcome.Converged);
    }
}
