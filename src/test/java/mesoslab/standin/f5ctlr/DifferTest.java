package mesoslab.standin.f5ctlr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import mesoslab.standin.f5ctlr.bigip.StateParser;
import mesoslab.standin.f5ctlr.desired.DesiredStateBuilder;
import mesoslab.standin.f5ctlr.model.Monitor;
import mesoslab.standin.f5ctlr.model.ObjectKind;
import mesoslab.standin.f5ctlr.model.PartitionState;
import mesoslab.standin.f5ctlr.model.Pool;
import mesoslab.standin.f5ctlr.model.Virtual;
import mesoslab.standin.f5ctlr.sync.Differ;
import mesoslab.standin.f5ctlr.sync.Operation;
import mesoslab.standin.http.Json;
import org.junit.jupiter.api.Test;

class DifferTest {
    private static final Monitor MONITOR = new Monitor("mesos", "app_80_0_http", ObjectKind.MONITOR_HTTP, 16, 53,
            "GET / HTTP/1.0\\r\\n\\r\\n", "");
    private static final Pool POOL = new Pool("mesos", "app_80", "round-robin", List.of("/mesos/app_80_0_http"),
            new TreeSet<>(List.of("10.2.10.22%0:31001", "10.2.10.23%0:31002")));
    private static final Virtual VIRTUAL = new Virtual("mesos", "app_80", "/mesos/10.2.10.81%0:80", "tcp", "/mesos/app_80",
            List.of(new Virtual.ProfileRef("Common", "http"), new Virtual.ProfileRef("Common", "tcp")), Virtual.Snat.AUTOMAP, true);

    private static PartitionState.Builder state() {
        return new PartitionState.Builder("mesos", 0);
    }

    private static PartitionState desired() {
        return state().add(VIRTUAL).add(POOL).add(MONITOR).build();
    }

    private static List<String> describe(List<Operation> ops) {
        return ops.stream().map(Operation::describe).toList();
    }

    @Test
    void anEmptyPartitionGetsMonitorsThenPoolsThenVirtuals() {
        PartitionState desired = new DesiredStateBuilder(DesiredStateBuilder.Options.DEFAULTS, Optional::of)
                .build(Fixtures.apps(), "mesos", 0).state();

        List<String> ops = describe(Differ.diff(desired, PartitionState.empty("mesos", 0)));

        assertThat(ops).allMatch(op -> op.startsWith("create "));
        int lastMonitor = lastIndex(ops, "ltm/monitor/");
        int firstPool = ops.indexOf(ops.stream().filter(o -> o.contains("ltm/pool ")).findFirst().orElseThrow());
        int lastPool = lastIndex(ops, "ltm/pool ");
        int firstVirtual = ops.indexOf(ops.stream().filter(o -> o.contains("ltm/virtual ")).findFirst().orElseThrow());
        assertThat(lastMonitor).isLessThan(firstPool);
        assertThat(lastPool).isLessThan(firstVirtual);
        assertThat(ops).contains("create ltm/monitor/http /mesos/f5-hello-world_80_0_http", "create ltm/pool /mesos/f5-hello-world_80",
                "create ltm/virtual /mesos/f5-hello-world_80");
    }

    private static int lastIndex(List<String> ops, String marker) {
        int last = -1;
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).contains(marker)) {
                last = i;
            }
        }
        return last;
    }

    @Test
    void nothingIsSentWhenTheBigIpAlreadyMatches() {
        assertThat(Differ.diff(desired(), desired())).isEmpty();
    }

    @Test
    void bigIpsOwnSpellingsOfTheSameObjectsAreNotChanges() {
        // As a BIG-IP reads them back: rd 0 left out, monitor rule with a trailing space, members
        // monitor-enabled and up, extra defaults, profile contexts, items of another partition.
        StateParser parser = new StateParser("mesos", 0)
                .add(ObjectKind.MONITOR_HTTP, json("{'items':[{'name':'app_80_0_http','partition':'mesos','interval':16,'timeout':53,"
                        + "'send':'GET / HTTP/1.0\\\\r\\\\n\\\\r\\\\n','recv':'','destination':'*:*','adaptive':'disabled'}]}"))
                .add(ObjectKind.POOL, json("{'items':[{'name':'app_80','partition':'mesos','loadBalancingMode':'round-robin',"
                        + "'monitor':'/mesos/app_80_0_http ','allowNat':'yes','membersReference':{'isSubcollection':true,'items':["
                        + "{'name':'10.2.10.23:31002','partition':'mesos','session':'monitor-enabled','state':'up'},"
                        + "{'name':'10.2.10.22%0:31001','partition':'mesos','session':'monitor-enabled','state':'down'}]}},"
                        + "{'name':'theirs','partition':'Common','loadBalancingMode':'round-robin'}]}"))
                .add(ObjectKind.VIRTUAL, json("{'items':[{'name':'app_80','partition':'mesos','destination':'/mesos/10.2.10.81:80',"
                        + "'ipProtocol':'tcp','pool':'/mesos/app_80','enabled':true,'sourceAddressTranslation':{'type':'automap'},"
                        + "'mask':'255.255.255.255','profilesReference':{'items':[{'name':'tcp','partition':'Common','context':'all'},"
                        + "{'name':'http','partition':'Common','context':'all'}]}}]}"))
                .add(ObjectKind.NODE, json("{'items':[{'name':'10.2.10.22%0','partition':'mesos'},{'name':'10.2.10.23','partition':'mesos'}]}"))
                .add(ObjectKind.VIRTUAL_ADDRESS, json("{'items':[{'name':'10.2.10.81','partition':'mesos'}]}"))
                .add(ObjectKind.MONITOR_TCP, json("{'kind':'tm:ltm:monitor:tcp:tcpcollectionstate'}"));

        assertThat(Differ.diff(desired(), parser.build())).isEmpty();
    }

    @Test
    void onlyTheObjectWhoseFieldsDifferIsUpdated() {
        Pool scaled = new Pool("mesos", "app_80", "round-robin", POOL.monitors(),
                new TreeSet<>(List.of("10.2.10.22%0:31001", "10.2.10.23%0:31002", "10.2.10.24%0:31003")));
        Virtual moved = new Virtual("mesos", "app_80", "/mesos/10.2.10.82%0:80", "tcp", "/mesos/app_80", VIRTUAL.profiles(),
                Virtual.Snat.AUTOMAP, true);

        assertThat(describe(Differ.diff(state().add(MONITOR).add(scaled).add(VIRTUAL).build(), desired())))
                .containsExactly("update ltm/pool /mesos/app_80");
        assertThat(Differ.diff(state().add(MONITOR).add(POOL).add(moved).build(), desired()))
                .containsExactly(new Operation.Update(moved));
    }

    @Test
    void whatIsNoLongerDesiredIsDeletedVirtualsThenPoolsThenMonitorsThenUnusedNodesAndAddresses() {
        PartitionState current = state().add(VIRTUAL).add(POOL).add(MONITOR)
                .add(new Monitor("mesos", "manual_tcp", ObjectKind.MONITOR_TCP, 5, 16, "", ""))
                .node("10.2.10.22%0", "10.2.10.22%0").node("10.2.10.23%0", "10.2.10.23").virtualAddress("10.2.10.81%0", "10.2.10.81")
                .build();

        assertThat(describe(Differ.diff(PartitionState.empty("mesos", 0), current))).containsExactly(
                "delete ltm/virtual /mesos/app_80",
                "delete ltm/pool /mesos/app_80",
                "delete ltm/monitor/http /mesos/app_80_0_http",
                "delete ltm/monitor/tcp /mesos/manual_tcp",
                "delete ltm/node /mesos/10.2.10.22%0",
                "delete ltm/node /mesos/10.2.10.23",
                "delete ltm/virtual-address /mesos/10.2.10.81");
    }

    @Test
    void aMonitorChangeCreatesTheNewOneBeforeThePoolUpdateAndDeletesTheOldOneAfter() {
        Monitor tcp = new Monitor("mesos", "app_80_0_tcp", ObjectKind.MONITOR_TCP, 16, 53, "", "");
        Pool retargeted = new Pool("mesos", "app_80", "round-robin", List.of("/mesos/app_80_0_tcp"), POOL.members());

        assertThat(describe(Differ.diff(state().add(tcp).add(retargeted).add(VIRTUAL).build(), desired()))).containsExactly(
                "create ltm/monitor/tcp /mesos/app_80_0_tcp",
                "update ltm/pool /mesos/app_80",
                "delete ltm/monitor/http /mesos/app_80_0_http");
    }

    @Test
    void aScaleDownDeletesOnlyTheNodeNoMemberUsesAnyMore() {
        Pool one = new Pool("mesos", "app_80", "round-robin", POOL.monitors(), new TreeSet<>(List.of("10.2.10.22%0:31001")));
        PartitionState current = state().add(VIRTUAL).add(POOL).add(MONITOR)
                .node("10.2.10.22%0", "10.2.10.22%0").node("10.2.10.23%0", "10.2.10.23%0").virtualAddress("10.2.10.81%0", "10.2.10.81")
                .build();

        assertThat(describe(Differ.diff(state().add(VIRTUAL).add(one).add(MONITOR).build(), current)))
                .containsExactly("update ltm/pool /mesos/app_80", "delete ltm/node /mesos/10.2.10.23%0");
    }

    @Test
    void whitelistedAndIAppObjectsAreLeftAloneAndWhatTheyUseIsKept() {
        StateParser parser = new StateParser("mesos", 0)
                .add(ObjectKind.VIRTUAL, json("{'items':[{'name':'keep_vs','partition':'mesos','destination':'/mesos/10.9.9.9:443',"
                        + "'pool':'/mesos/keep_pool','metadata':[{'name':'cccl-whitelist','persist':'true','value':'true'}]},"
                        + "{'name':'iapp_vs','partition':'mesos','destination':'/mesos/10.9.9.8:80','appService':'/mesos/x.app/x'}]}"))
                .add(ObjectKind.POOL, json("{'items':[{'name':'keep_pool','partition':'mesos','monitor':'/mesos/keep_mon',"
                        + "'membersReference':{'items':[{'name':'10.9.9.1%0:80','partition':'mesos'}]}}]}"))
                .add(ObjectKind.MONITOR_HTTP, json("{'items':[{'name':'keep_mon','partition':'mesos','interval':5,'timeout':16}]}"))
                .add(ObjectKind.NODE, json("{'items':[{'name':'10.9.9.1%0','partition':'mesos'}]}"))
                .add(ObjectKind.VIRTUAL_ADDRESS, json("{'items':[{'name':'10.9.9.9','partition':'mesos'}]}"));

        assertThat(Differ.diff(PartitionState.empty("mesos", 0), parser.build())).isEmpty();
    }

    @Test
    void onlyThePartitionBeingReconciledIsEverTouched() {
        StateParser parser = new StateParser("mesos", 0)
                .add(ObjectKind.VIRTUAL, json("{'items':[{'name':'theirs','partition':'Common','destination':'/Common/1.1.1.1:80'}]}"))
                .add(ObjectKind.POOL, json("{'items':[{'name':'theirs','partition':'other'}]}"))
                .add(ObjectKind.NODE, json("{'items':[{'name':'1.1.1.1','partition':'Common'}]}"));

        List<Operation> ops = Differ.diff(desired(), parser.build());

        assertThat(ops).allMatch(op -> op.partition().equals("mesos")).hasSize(3);
        assertThatThrownBy(() -> Differ.diff(desired(), PartitionState.empty("other", 0))).isInstanceOf(IllegalArgumentException.class);
    }

    static JsonNode json(String singleQuoted) {
        try {
            return Json.MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
