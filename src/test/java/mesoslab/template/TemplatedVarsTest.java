package mesoslab.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplatedVarsTest {
    private final Expressions expressions = new Expressions();

    @Test
    void valuesUsingOtherVariablesAreRenderedWhenRead() {
        TemplatedVars vars = new TemplatedVars(Map.of("root", "/lab/{{ name }}", "name", "{{ prefix }}1", "prefix", "zk",
                "dirs", List.of("{{ root }}/data", "{{ root }}/conf"), "port", 2181), expressions, "h", Set.of());
        assertThat(vars.get("root")).isEqualTo("/lab/zk1");
        assertThat(vars.get("dirs")).isEqualTo(List.of("/lab/zk1/data", "/lab/zk1/conf"));
        assertThat(expressions.render("{{ root }}:{{ port }}", vars, ExpressionContext.at(null))).isEqualTo("/lab/zk1:2181");
    }

    @Test
    void anUnusedBrokenValueDoesNotMatterButAUsedOneIsAnError() {
        TemplatedVars vars = new TemplatedVars(Map.of("ok", "fine", "broken", "{{ missing }}"), expressions, "h", Set.of());
        assertThat(vars.get("ok")).isEqualTo("fine");
        assertThatThrownBy(() -> vars.get("broken")).isInstanceOf(UndefinedVariableError.class).hasMessageContaining("'missing'");
    }

    @Test
    void selfReferenceIsReportedWithTheChain() {
        TemplatedVars vars = new TemplatedVars(Map.of("a", "{{ b }}", "b", "{{ a }}"), expressions, "h", Set.of());
        assertThatThrownBy(() -> vars.get("a")).hasMessageContaining("refers to itself: a -> b -> a");
    }

    @Test
    void copiesStayLazyAndIndependent() {
        TemplatedVars vars = new TemplatedVars(Map.of("x", "{{ y }}", "y", "1"), expressions, "h", Set.of());
        TemplatedVars copy = TemplatedVars.copyOf(vars, expressions, "h");
        copy.put("y", "2");
        assertThat(vars.get("x")).isEqualTo("1");
        assertThat(copy.get("x")).isEqualTo("2");
    }
}
