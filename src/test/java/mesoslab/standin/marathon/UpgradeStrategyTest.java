package mesoslab.standin.marathon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpgradeStrategyTest {

    @Test
    void boundsRoundTheMinimumUpAndTheMaximumDown() {
        UpgradeStrategy s = new UpgradeStrategy(0.7, 0.5);
        assertThat(s.minimumHealthy(3)).isEqualTo(3); // 2.1 → 3
        assertThat(s.maximumCapacity(3)).isEqualTo(4); // 4.5 → 4
        assertThat(new UpgradeStrategy(0.5, 0.0).minimumHealthy(4)).isEqualTo(2);
    }

    @Test
    void fullHealthWithoutOverCapacityStillLeavesRoomForOne() {
        assertThat(new UpgradeStrategy(1.0, 0.0).maximumCapacity(3)).isEqualTo(4);
    }

    /**
     * Plays a whole replacement round by round (a kill ends and a launch becomes ready one round
     * after it is asked for) and checks both bounds after every round, and that it finishes.
     */
    @ParameterizedTest
    @CsvSource({"1, 1.0, 1.0", "2, 1.0, 1.0", "4, 0.5, 0.0", "3, 1.0, 0.0", "5, 0.0, 0.0", "4, 0.5, 0.5", "3, 0.7, 0.2"})
    void aReplacementStaysWithinBothBoundsAndFinishes(int instances, double minimumHealth, double overCapacity) {
        UpgradeStrategy s = new UpgradeStrategy(minimumHealth, overCapacity);
        int oldLive = instances;
        int killing = 0;
        int newStarting = 0;
        int newReady = 0;
        for (int round = 0; round < 100 && (oldLive > 0 || killing > 0 || newReady < instances); round++) {
            killing = 0; // last round's kills are done
            newReady += newStarting;
            newStarting = 0;
            UpgradeStrategy.Step step = s.step(instances, oldLive, newReady, newReady, oldLive + newReady);
            oldLive -= step.killOld();
            killing = step.killOld();
            newStarting = step.launchNew();
            assertThat(oldLive + newReady).as("ready after round %d", round).isGreaterThanOrEqualTo(s.minimumHealthy(instances));
            assertThat(oldLive + killing + newReady + newStarting).as("alive in round %d", round)
                    .isLessThanOrEqualTo(s.maximumCapacity(instances));
        }
        assertThat(oldLive).isZero();
        assertThat(newReady).isEqualTo(instances);
    }
}
