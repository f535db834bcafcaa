package mesoslab.standin.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mesoslab.standin.mesos.common.Attributes;
import org.junit.jupiter.api.Test;

class AttributesTest {
    private final Attributes attributes = Attributes.parse("rack:r1; level:3;ids:[1-4,7-9];zone:a");

    @Test
    void typesEachValueByItsLookLikeMesos() {
        assertThat(attributes.all()).extracting(Attributes.Attribute::type).containsExactly(
                Attributes.Type.TEXT, Attributes.Type.SCALAR, Attributes.Type.RANGES, Attributes.Type.TEXT);
    }

    @Test
    void stateSummaryHasScalarsAsNumbersAndRangesAsStrings() {
        assertThat(attributes.toSummary().toString())
                .isEqualTo("{\"rack\":\"r1\",\"level\":3.0,\"ids\":\"[1-4, 7-9]\",\"zone\":\"a\"}");
    }

    @Test
    void offersCarryV1AttributesThatReadBackToTheSameConstraintValues() {
        assertThat(attributes.toV1().get(0).toString()).isEqualTo("{\"name\":\"rack\",\"type\":\"TEXT\",\"text\":{\"value\":\"r1\"}}");
        assertThat(attributes.toV1().get(1).toString()).isEqualTo("{\"name\":\"level\",\"type\":\"SCALAR\",\"scalar\":{\"value\":3.0}}");
        assertThat(Attributes.fromV1(attributes.toV1()).constraintValues())
                .containsExactly(java.util.Map.entry("rack", "r1"), java.util.Map.entry("level", "3"),
                        java.util.Map.entry("ids", "[1-4,7-9]"), java.util.Map.entry("zone", "a"));
    }

    @Test
    void rejectsPairsWithoutValueAndSets() {
        assertThatThrownBy(() -> Attributes.parse("rack")).hasMessageContaining("'rack'");
        assertThatThrownBy(() -> Attributes.parse("os:{a,b}")).hasMessageContaining("sets are not supported");
    }
}
