package mesoslab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagFilterTest {
    @Test
    void selectsLikeAnsible() {
        TagFilter onlyZk = new TagFilter(Set.of("zk"), Set.of());
        assertThat(onlyZk.selects(List.of("zk", "x"))).isTrue();
        assertThat(onlyZk.selects(List.of("mesos"))).isFalse();
        assertThat(onlyZk.selects(List.of())).isFalse();
        assertThat(onlyZk.selects(List.of("always"))).isTrue();
        assertThat(TagFilter.ALL.selects(List.of("never", "debug"))).isFalse();
        assertThat(new TagFilter(Set.of("debug"), Set.of()).selects(List.of("never", "debug"))).isTrue();
        assertThat(new TagFilter(Set.of(), Set.of("always")).selects(List.of("always"))).isFalse();
        assertThat(new TagFilter(Set.of("untagged"), Set.of()).selects(List.of())).isTrue();
        assertThat(new TagFilter(Set.of("tagged"), Set.of()).selects(List.of())).isFalse();
        assertThat(new TagFilter(Set.of(), Set.of("zk")).selects(List.of("zk"))).isFalse();
    }
}
