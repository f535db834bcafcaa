package mesoslab.standin.f5ctlr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import mesoslab.standin.f5ctlr.desired.DesiredStateBuilder;
import mesoslab.standin.f5ctlr.desired.DesiredStateBuilder.Options;
import mesoslab.standin.f5ctlr.desired.HostResolver;
import mesoslab.standin.f5ctlr.model.Monitor;
import mesoslab.standin.f5ctlr.model.ObjectKind;
import mesoslab.standin.f5ctlr.model.PartitionState;
import mesoslab.standin.f5ctlr.model.Pool;
import mesoslab.standin.f5ctlr.model.Virtual;
import mesoslab.standin.f5ctlr.model.Virtual.ProfileRef;
import mesoslab.standin.f5ctlr.model.Virtual.Snat;
import org.junit.jupiter.api.Test;

class DesiredStateBuilderTest {
    /** IP literals resolve to themselves; one agent has a DNS name; anything else does not resolve. */
    private static final HostResolver RESOLVER = host -> host.matches("[0-9.]+") ? Optional.of(host)
            : Optional.ofNullable(Map.of("agent-3.example", "10.2.10.24").get(host));

    private static DesiredStateBuilder.Result build(Options options, String partition, int rd) {
        return new DesiredStateBuilder(options, RESOLVER).build(Fixtures.apps(), partition, rd);
    }

    private static PartitionState mesos() {
        return build(Options.DEFAULTS, "mesos", 0).state();
    }

    @Test
    void theLabsHelloWorldAppBecomesMonitorPoolAndVirtualNamedLikeTheRealController() {
        PartitionState state = mesos();

        assertThat(state.monitors().get("http/f5-hello-world_80_0_http")).isEqualTo(new Monitor("mesos", "f5-hello-world_80_0_http",
                ObjectKind.MONITOR_HTTP, 16, 53, "GET / HTTP/1.0\\r\\n\\r\\n", ""));
        assertThat(state.pools().get("f5-hello-world_80")).isEqualTo(new Pool("mesos", "f5-hello-world_80", "round-robin",
                List.of("/mesos/f5-hello-world_80_0_http"), new java.util.TreeSet<>(List.of("10.2.10.22%0:31001", "10.2.10.23%0:31002"))));
        assertThat(state.virtuals().get("f5-hello-world_80")).isEqualTo(new Virtual("mesos", "f5-hello-world_80",
                "/mesos/10.2.10.81%0:80", "tcp", "/mesos/f5-hello-world_80",
                List.of(new ProfileRef("Common", "http"), new ProfileRef("Common", "tcp")), Snat.AUTOMAP, true));
    }

    @Test
    void appsWithoutF5LabelsOrInAnotherPartitionAreIgnored() {
        PartitionState state = mesos();

        assertThat(state.pools().keySet()).noneMatch(name -> name.startsWith("mesos-dns") || name.startsWith("other-team"));
        assertThat(build(Options.DEFAULTS, "other", 0).state().pools().keySet()).containsExactly("other-team_api_10020");
    }

    @Test
    void everyServicePortIndexGetsItsOwnPoolVirtualAndMonitors() {
        PartitionState state = mesos();

        assertThat(state.pools()).containsKeys("shop_web_80", "shop_web_443");
        assertThat(state.pools().get("shop_web_80").members()).containsExactly("10.2.10.24%0:31010");
        assertThat(state.pools().get("shop_web_443").members()).containsExactly("10.2.10.24%0:31011");
        assertThat(state.pools().get("shop_web_443").loadBalancingMode()).isEqualTo("least-connections-member");
        assertThat(state.virtuals().get("shop_web_80").destination()).isEqualTo("/mesos/10.2.10.90%0:80");
        assertThat(state.virtuals().get("shop_web_443").destination()).isEqualTo("/mesos/10.2.10.90%0:443");
    }

    @Test
    void tcpModeGetsOnlyTheTcpProfilePlusTheSslProfileLabel() {
        Virtual tls = mesos().virtuals().get("shop_web_443");

        assertThat(tls.ipProtocol()).isEqualTo("tcp");
        assertThat(tls.profiles()).containsExactly(new ProfileRef("Common", "clientssl"), new ProfileRef("Common", "tcp"));
    }

    @Test
    void modeIsHttpOnlyForAMarathonHttpCheckAndTcpOtherwise() {
        // MESOS_HTTP does not switch the mode (the real controller compares the protocol with "HTTP" exactly).
        assertThat(mesos().virtuals().get("shop_web_80").profiles()).containsExactly(new ProfileRef("Common", "tcp"));
        assertThat(mesos().virtuals().get("flaky_10030").profiles()).contains(new ProfileRef("Common", "http"));
    }

    @Test
    void healthChecksBecomeHttpAndTcpMonitorsWithTheTimeoutFormula() {
        PartitionState state = mesos();

        assertThat(state.monitors().get("http/shop_web_80_0_http"))
                .isEqualTo(new Monitor("mesos", "shop_web_80_0_http", ObjectKind.MONITOR_HTTP, 10, 26, "GET /health HTTP/1.0\\r\\n\\r\\n", ""));
        assertThat(state.monitors().get("tcp/shop_web_443_0_tcp"))
                .isEqualTo(new Monitor("mesos", "shop_web_443_0_tcp", ObjectKind.MONITOR_TCP, 5, 8, "", ""));
        assertThat(state.pools().get("shop_web_443").monitors()).containsExactly("/mesos/shop_web_443_0_tcp");
    }

    @Test
    void withTheHealthCheckOptionOnlyTasksWhoseResultsAreAllAliveBecomeMembers() {
        Pool all = mesos().pools().get("flaky_10030");
        Pool healthy = build(new Options(true, "", Optional.empty()), "mesos", 0).state().pools().get("flaky_10030");

        assertThat(all.members()).containsExactly("10.2.10.22%0:31030", "10.2.10.23%0:31031", "10.2.10.23%0:31032");
        // b reports alive=false, c has no healthCheckResults yet: both left out.
        assertThat(healthy.members()).containsExactly("10.2.10.22%0:31030");
    }

    @Test
    void aPortWithAnInvalidLabelIsSkippedAloneWithAWarning() {
        DesiredStateBuilder.Result result = build(Options.DEFAULTS, "mesos", 0);

        assertThat(result.state().pools()).doesNotContainKey("broken_10040").containsKey("broken_8081");
        assertThat(result.state().virtuals().get("broken_8081").destination()).isEqualTo("/mesos/10.2.10.97%0:8081");
        assertThat(result.warnings()).anyMatch(w -> w.contains("/broken") && w.contains("F5_MODE") && w.contains("sctp"));
    }

    @Test
    void membersAndDestinationsCarryThePartitionsRouteDomain() {
        PartitionState state = build(Options.DEFAULTS, "mesos", 2).state();

        assertThat(state.pools().get("f5-hello-world_80").members()).containsExactly("10.2.10.22%2:31001", "10.2.10.23%2:31002");
        assertThat(state.virtuals().get("f5-hello-world_80").destination()).isEqualTo("/mesos/10.2.10.81%2:80");
    }

    @Test
    void appIdsAreSanitisedIntoObjectNames() {
        assertThat(DesiredStateBuilder.objectName("/f5-hello-world", 80)).isEqualTo("f5-hello-world_80");
        assertThat(DesiredStateBuilder.objectName("/grp/sub/app", 8080)).isEqualTo("grp_sub_app_8080");
        assertThat(DesiredStateBuilder.objectName("app.v2", 10000)).isEqualTo("app.v2_10000");
    }

    @Test
    void aPoolWithoutBindAddressHasNoVirtualAndASnatPoolNameReplacesAutomap() {
        var noBind = Fixtures.appsJson();
        ((com.fasterxml.jackson.databind.node.ObjectNode) noBind.path("apps").get(0).path("labels")).remove("F5_0_BIND_ADDR");
        PartitionState state;
        try {
            state = new DesiredStateBuilder(Options.DEFAULTS, RESOLVER)
                    .build(mesoslab.standin.f5ctlr.marathon.AppsParser.parse(noBind), "mesos", 0).state();
        } catch (mesoslab.standin.f5ctlr.marathon.MarathonException e) {
            throw new AssertionError(e);
        }
        Virtual snat = build(new Options(false, "snatpool1", Optional.empty()), "mesos", 0).state().virtuals().get("f5-hello-world_80");

        assertThat(state.pools()).containsKey("f5-hello-world_80");
        assertThat(state.virtuals()).doesNotContainKey("f5-hello-world_80");
        assertThat(snat.snat()).isEqualTo(new Snat("snat", "snatpool1"));
    }

    @Test
    void aTaskWhoseHostDoesNotResolveIsLeftOutWithAWarning() {
        DesiredStateBuilder.Result result = new DesiredStateBuilder(Options.DEFAULTS, host -> Optional.empty())
                .build(Fixtures.apps(), "mesos", 0);

        assertThat(result.state().pools().get("f5-hello-world_80").members()).isEmpty();
        assertThat(result.warnings()).anyMatch(w -> w.contains("Could not resolve ip for host 10.2.10.22"));
    }

    @Test
    void theControllersOwnAppIsSkippedByFrameworkName() {
        PartitionState state = build(new Options(false, "", Optional.of("f5-hello-world")), "mesos", 0).state();

        assertThat(state.pools()).doesNotContainKey("f5-hello-world_80");
    }
}
