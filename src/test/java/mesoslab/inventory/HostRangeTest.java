package mesoslab.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mesoslab.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class HostRangeTest {

    @Test
    void expandsNumericAlphaPaddedSteppedAndNestedRanges() {
        assertThat(HostRange.expand("node[1:3]", null)).containsExactly("node1", "node2", "node3");
        assertThat(HostRange.expand("node[08:10]", null)).containsExactly("node08", "node09", "node10");
        assertThat(HostRange.expand("web[a:c].lab", null)).containsExactly("weba.lab", "webb.lab", "webc.lab");
        assertThat(HostRange.expand("10.0.0.[1:10:4]", null)).containsExactly("10.0.0.1", "10.0.0.5", "10.0.0.9");
        assertThat(HostRange.expand("r[1:2]c[a:b]", null)).containsExactly("r1ca", "r1cb", "r2ca", "r2cb");
        assertThat(HostRange.expand("n[:2]", null)).containsExactly("n0", "n1", "n2");
    }

    @Test
    void refusesBrokenRanges() {
        for (String bad : new String[] {"n[1:]", "n[3:1]", "n[01:3]", "n[1:x]", "n[1]", "n[1:3", "n[1:3:0]"}) {
            assertThatThrownBy(() -> HostRange.expand(bad, null)).as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("bad host range '" + bad + "'");
        }
    }
}
