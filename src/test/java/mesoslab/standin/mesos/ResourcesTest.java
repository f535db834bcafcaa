package mesoslab.standin.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import mesoslab.standin.mesos.common.Resources;
import org.junit.jupiter.api.Test;

class ResourcesTest {
    @Test
    void parsesAgentResourcesFlagAndSubtractsPortsLikeMesosRanges() {
        Resources total = Resources.parse("cpus:2;mem:1024;ports:[31000-31005,31010-31010]");
        Resources used = Resources.fromV1(Resources.parse("cpus:0.5;mem:100;disk:0;ports:[31002-31002]").toV1());
        Resources left = total.minus(used);
        assertThat(left.cpus()).isEqualTo(1.5);
        assertThat(left.rangesText()).isEqualTo("[31000-31001, 31003-31005, 31010-31010]");
        assertThat(left.plus(used).rangesText()).isEqualTo("[31000-31005, 31010-31010]");
        assertThat(total.contains(used)).isTrue();
        assertThat(left.contains(used)).isFalse();
    }
}
