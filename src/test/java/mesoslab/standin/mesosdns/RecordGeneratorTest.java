package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import mesoslab.standin.mesosdns.RecordSet.Kind;
import org.junit.jupiter.api.Test;

class RecordGeneratorTest {
    private static final String WEB_ID = "web.instance-2b1c3d4e-0000-11f0-8000-0242ac110002._app.1";

    private static RecordGenerator generator(List<String> ipSources, LabelSpec spec) {
        return new RecordGenerator("mesos", "ns1.mesos.", "127.0.0.53", List.of(), ipSources, spec, host -> List.of());
    }

    private static StateFixture labWithWebTask() {
        StateFixture state = new StateFixture("127.0.0.11", 5050).agent(0, "127.0.0.21").agent(1, "127.0.0.22");
        ObjectNode marathon = state.framework("marathon", "127.0.0.11");
        StateFixture.marathonTask(marathon, WEB_ID, "web", 0, "TASK_RUNNING", "http", 31474);
        return state;
    }

    private static RecordSet generate(StateFixture state, List<String> ipSources, List<String> masters) {
        return generator(ipSources, LabelSpec.RFC1123).generate(MasterStateParser.parse(state.json()), masters);
    }

    @Test
    void taskWithDiscoveryInfoGetsPlainCanonicalAndSlaveRecords() {
        RecordSet rrs = generate(labWithWebTask(), List.of("host"), List.of());
        String canonical = "web-" + ZBase32.taskHash(WEB_ID) + "-s0.marathon.mesos.";
        String canonicalSlave = "web-" + ZBase32.taskHash(WEB_ID) + "-s0.marathon.slave.mesos.";

        assertThat(rrs.values(Kind.A, "web.marathon.mesos.")).containsExactly("127.0.0.21");
        assertThat(rrs.values(Kind.A, canonical)).containsExactly("127.0.0.21");
        assertThat(rrs.values(Kind.A, "web.marathon.slave.mesos.")).containsExactly("127.0.0.21");
        assertThat(rrs.values(Kind.A, canonicalSlave)).containsExactly("127.0.0.21");
        assertThat(rrs.values(Kind.SRV, "_web._tcp.marathon.mesos.")).containsExactly(canonical + ":31474");
        assertThat(rrs.values(Kind.SRV, "_http._web._tcp.marathon.mesos.")).containsExactly(canonical + ":31474");
        assertThat(rrs.values(Kind.SRV, "_web._tcp.marathon.slave.mesos.")).containsExactly(canonicalSlave + ":31474");
        assertThat(rrs.values(Kind.SRV, "_web._udp.marathon.slave.mesos.")).containsExactly(canonicalSlave + ":31474");
        // The discovery port is tcp only, so there is no non-slave udp record.
        assertThat(rrs.values(Kind.SRV, "_web._udp.marathon.mesos.")).isEmpty();
    }

    @Test
    void ipSourcesPickTheFirstSourceThatHasAnAddress() {
        RecordSet netinfo = generate(labWithWebTask(), List.of("netinfo", "mesos", "host"), List.of());
        RecordSet mesosFirst = generate(labWithWebTask(), List.of("mesos", "host"), List.of());

        assertThat(netinfo.values(Kind.A, "web.marathon.mesos.")).containsExactly("172.17.0.2");
        assertThat(netinfo.values(Kind.A, "web.marathon.slave.mesos.")).containsExactly("127.0.0.21");
        assertThat(mesosFirst.values(Kind.A, "web.marathon.mesos.")).containsExactly("127.0.0.21");
    }

    @Test
    void nestedAppNameGetsRawDiscoveryNameAndSanitisedName() {
        StateFixture state = new StateFixture("127.0.0.11", 5050).agent(0, "127.0.0.21");
        StateFixture.marathonTask(state.framework("marathon", "127.0.0.11"), "prod_web.1", "web.prod", 0,
                "TASK_RUNNING", null, 31001);
        RecordSet rrs = generate(state, List.of("host"), List.of());

        assertThat(rrs.values(Kind.A, "web-prod.marathon.mesos.")).containsExactly("127.0.0.21");
        assertThat(rrs.values(Kind.A, "web.prod.marathon.mesos.")).containsExactly("127.0.0.21");
        assertThat(rrs.values(Kind.SRV, "_web-prod._tcp.marathon.mesos.")).hasSize(1);
    }

    @Test
    void taskWithoutDiscoveryInfoGetsSlaveTargetsForTcpAndUdp() {
        StateFixture state = new StateFixture("127.0.0.11", 5050).agent(1, "127.0.0.22");
        ObjectNode task = StateFixture.marathonTask(state.framework("chronos", "127.0.0.12"), "job.1", "Job_A", 1,
                "TASK_RUNNING", null, 31364, 31365);
        task.remove("discovery");
        RecordSet rrs = generate(state, List.of("host"), List.of());
        String target = "job-a-" + ZBase32.taskHash("job.1") + "-s1.chronos.slave.mesos.";

        assertThat(rrs.values(Kind.SRV, "_job-a._tcp.chronos.mesos.")).containsExactly(target + ":31364", target + ":31365");
        assertThat(rrs.values(Kind.SRV, "_job-a._udp.chronos.mesos.")).containsExactly(target + ":31364", target + ":31365");
        assertThat(rrs.values(Kind.A, "job-a.chronos.mesos.")).containsExactly("127.0.0.22");
    }

    @Test
    void onlyRunningTasksOnKnownAgentsGetRecords() {
        StateFixture state = new StateFixture("127.0.0.11", 5050).agent(0, "127.0.0.21");
        ObjectNode marathon = state.framework("marathon", "127.0.0.11");
        StateFixture.marathonTask(marathon, "staging.1", "staging", 0, "TASK_STAGING", null, 31001);
        StateFixture.marathonTask(marathon, "lost.1", "lost", 7, "TASK_RUNNING", null, 31002);
        RecordSet rrs = generate(state, List.of("host"), List.of());

        assertThat(rrs.hasName("staging.marathon.mesos.")).isFalse();
        assertThat(rrs.hasName("lost.marathon.mesos.")).isFalse();
    }

    @Test
    void leaderAndMastersAreNumberedInListOrder() {
        RecordSet rrs = generate(labWithWebTask(), List.of("host"), List.of("127.0.0.12:5050", "127.0.0.11:5050"));

        assertThat(rrs.values(Kind.A, "leader.mesos.")).containsExactly("127.0.0.11");
        assertThat(rrs.values(Kind.A, "master.mesos.")).containsExactlyInAnyOrder("127.0.0.11", "127.0.0.12");
        assertThat(rrs.values(Kind.A, "master0.mesos.")).containsExactly("127.0.0.12");
        assertThat(rrs.values(Kind.A, "master1.mesos.")).containsExactly("127.0.0.11");
        assertThat(rrs.values(Kind.SRV, "_leader._tcp.mesos.")).containsExactly("leader.mesos.:5050");
        assertThat(rrs.values(Kind.SRV, "_leader._udp.mesos.")).containsExactly("leader.mesos.:5050");
    }

    @Test
    void leaderMissingFromTheMasterListGetsTheNextNumber() {
        RecordSet rrs = generate(labWithWebTask(), List.of("host"), List.of("", "127.0.0.12:5050"));

        assertThat(rrs.values(Kind.A, "master0.mesos.")).containsExactly("127.0.0.12");
        assertThat(rrs.values(Kind.A, "master1.mesos.")).containsExactly("127.0.0.11");
    }

    @Test
    void frameworkAgentAndNameServerRecords() {
        RecordSet rrs = generate(labWithWebTask(), List.of("host"), List.of());

        assertThat(rrs.values(Kind.A, "marathon.mesos.")).containsExactly("127.0.0.11");
        assertThat(rrs.values(Kind.SRV, "_framework._tcp.marathon.mesos.")).containsExactly("marathon.mesos.:41234");
        assertThat(rrs.values(Kind.A, "slave.mesos.")).containsExactly("127.0.0.21", "127.0.0.22");
        assertThat(rrs.values(Kind.SRV, "_slave._tcp.mesos.")).containsExactly("slave.mesos.:5051");
        assertThat(rrs.values(Kind.A, "ns1.mesos.")).containsExactly("127.0.0.53");
    }

    @Test
    void rfc952ShortensFrameworkNamesPerDottedPart() {
        StateFixture state = new StateFixture("127.0.0.11", 5050).agent(0, "127.0.0.21");
        ObjectNode chronos = state.framework("chronos with a space AND MIXED CASE-2.0.1", "127.0.0.13");
        StateFixture.marathonTask(chronos, "some-box.1", "some-box", 0, "TASK_RUNNING", null, 31001);
        RecordSet rrs = generator(List.of("host"), LabelSpec.RFC952).generate(MasterStateParser.parse(state.json()), List.of());

        assertThat(rrs.values(Kind.A, "some-box.chronoswithaspaceandmixe.mesos.")).containsExactly("127.0.0.21");
    }

    @Test
    void enumerationListsEachRunningTaskWithTheRecordsItAdded() {
        RecordSet rrs = generate(labWithWebTask(), List.of("host"), List.of());

        assertThat(rrs.enumeration()).singleElement().satisfies(framework -> {
            assertThat(framework.name()).isEqualTo("marathon");
            assertThat(framework.tasks()).singleElement().satisfies(task -> {
                assertThat(task.id()).isEqualTo(WEB_ID);
                assertThat(task.records()).extracting(RecordSet.EnumeratedRecord::name).contains("web.marathon.mesos.");
            });
        });
    }
}
