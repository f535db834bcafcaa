package mesoslab.standin.marathon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import mesoslab.standin.http.Json;
import mesoslab.standin.mesos.common.PortRange;
import mesoslab.standin.mesos.common.Resources;
import org.junit.jupiter.api.Test;

class ConstraintTest {

    @Test
    void uniqueRefusesAHostThatAlreadyRunsAnInstance() {
        Constraint unique = new Constraint("hostname", "UNIQUE", null);
        assertThat(unique.accepts("a1", List.of())).isTrue();
        assertThat(unique.accepts("a2", List.of("a1"))).isTrue();
        assertThat(unique.accepts("a1", List.of("a1"))).isFalse();
    }

    @Test
    void clusterPinsToTheValueOrToTheFirstPlacement() {
        assertThat(new Constraint("rack", "CLUSTER", "r1").accepts("r1", List.of())).isTrue();
        assertThat(new Constraint("rack", "CLUSTER", "r1").accepts("r2", List.of())).isFalse();
        assertThat(new Constraint("rack", "CLUSTER", null).accepts("r2", List.of("r2", "r2"))).isTrue();
        assertThat(new Constraint("rack", "CLUSTER", null).accepts("r1", List.of("r2"))).isFalse();
    }

    @Test
    void likeAndUnlikeMatchTheWholeValue() {
        assertThat(new Constraint("hostname", "LIKE", "agent[12]").accepts("agent1", List.of())).isTrue();
        assertThat(new Constraint("hostname", "LIKE", "agent[12]").accepts("agent10", List.of())).isFalse();
        assertThat(new Constraint("hostname", "UNLIKE", "agent1").accepts("agent1", List.of())).isFalse();
        assertThat(new Constraint("rack", "UNLIKE", "r1").accepts(null, List.of())).isTrue();
        assertThat(new Constraint("rack", "LIKE", "r1").accepts(null, List.of())).isFalse();
    }

    @Test
    void maxPerAndGroupByCountInstancesPerValue() {
        Constraint maxPer = new Constraint("rack", "MAX_PER", "2");
        assertThat(maxPer.accepts("r1", List.of("r1"))).isTrue();
        assertThat(maxPer.accepts("r1", List.of("r1", "r1"))).isFalse();
        Constraint groupBy = new Constraint("rack", "GROUP_BY", "2");
        assertThat(groupBy.accepts("r1", List.of())).isTrue();
        assertThat(groupBy.accepts("r1", List.of("r1"))).as("an unseen second rack should come first").isFalse();
        assertThat(groupBy.accepts("r2", List.of("r1"))).isTrue();
        assertThat(groupBy.accepts("r1", List.of("r1", "r2"))).isTrue();
        assertThat(groupBy.accepts("r1", List.of("r1", "r1", "r2"))).isFalse();
    }

    @Test
    void matcherPlacesOnlyAsManyUniqueInstancesAsThereAreHostsAndTakesPortsFromTheOffer() throws Exception {
        AppSpec app = AppJsonReader.read(Json.MAPPER.readTree("""
                {"id":"/u","cmd":"sleep 9","cpus":0.5,"mem":32,"instances":3,"portDefinitions":[{"port":0},{"port":0}],
                 "constraints":[["hostname","UNIQUE"]]}"""), null);
        OfferMatcher matcher = new OfferMatcher(new Random(1));
        Offer a1 = new Offer("o1", "s1", "a1", new Resources(4, 1024, 0, List.of(new PortRange(31000, 31009))), Map.of());
        List<OfferMatcher.Launch> first = matcher.match(a1, List.of(new OfferMatcher.Demand(app, 3)), Map.of(), 5);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).hostPorts()).hasSize(2).doesNotHaveDuplicates().allMatch(p -> p >= 31000 && p <= 31009);
        Map<String, List<OfferMatcher.Placed>> placed = Map.of("/u", List.of(new OfferMatcher.Placed("a1", Map.of())));
        assertThat(matcher.match(a1, List.of(new OfferMatcher.Demand(app, 2)), placed, 5)).isEmpty();
        Offer a2 = new Offer("o2", "s2", "a2", new Resources(0.4, 1024, 0, List.of(new PortRange(31000, 31009))), Map.of());
        assertThat(matcher.match(a2, List.of(new OfferMatcher.Demand(app, 2)), placed, 5)).as("too few cpus").isEmpty();
    }

    @Test
    void matcherHonoursAFixedHostPortOnlyWhenOffered() throws Exception {
        AppSpec app = AppJsonReader.read(Json.MAPPER.readTree("""
                {"id":"/f","cmd":"x","cpus":0.1,"mem":8,"requirePorts":true,"portDefinitions":[{"port":31005}]}"""), null);
        OfferMatcher matcher = new OfferMatcher(new Random(1));
        Offer with = new Offer("o", "s", "h", new Resources(1, 64, 0, List.of(new PortRange(31000, 31009))), Map.of());
        Offer without = new Offer("o", "s", "h", new Resources(1, 64, 0, List.of(new PortRange(31006, 31009))), Map.of());
        assertThat(matcher.match(with, List.of(new OfferMatcher.Demand(app, 1)), Map.of(), 5).get(0).hostPorts()).containsExactly(31005);
        assertThat(matcher.match(without, List.of(new OfferMatcher.Demand(app, 1)), Map.of(), 5)).isEmpty();
    }
}
