package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelSpecTest {

    @Test
    void rfc1123KeepsDigitsAndTurnsDotsAndUnderscoresIntoDashes() {
        assertThat(LabelSpec.RFC1123.label("web.prod")).isEqualTo("web-prod");
        assertThat(LabelSpec.RFC1123.label("4abc123")).isEqualTo("4abc123");
        assertThat(LabelSpec.RFC1123.label("-4abc123")).isEqualTo("4abc123");
        assertThat(LabelSpec.RFC1123.label("My_App$1")).isEqualTo("my-app1");
    }

    @Test
    void rfc1123CutsAtSixtyThreeCharacters() {
        String label = LabelSpec.RFC1123.label("a".repeat(70));
        assertThat(label).hasSize(63);
    }

    @Test
    void rfc952DropsLeadingDigitsAndCutsAtTwentyFourCharacters() {
        assertThat(LabelSpec.RFC952.label("4abc123")).isEqualTo("abc123");
        assertThat(LabelSpec.RFC952.label("89fdgsf---gs7-fgs--d7fddg-123")).isEqualTo("fdgsf---gs7-fgs--d7fddg1");
        assertThat(LabelSpec.RFC952.label("chronos with a space AND MIXED CASE-2.0.1")).isEqualTo("chronoswithaspaceandmixe");
        assertThat(LabelSpec.RFC952.label("hello--------------------------------------------------------f")).isEqualTo("hellof");
    }

    @Test
    void domainFragmentSanitisesEachDottedPartAndDropsEmptyOnes() {
        assertThat(LabelSpec.RFC1123.domainFragment("pod_123$abc.marathon-0.6.0-dev.mesos"))
                .isEqualTo("pod-123abc.marathon-0.6.0-dev.mesos");
        assertThat(LabelSpec.RFC952.domainFragment("pod_123$abc.marathon-0.6.0-dev.mesos"))
                .isEqualTo("pod-123abc.marathon-0.dev.mesos");
    }
}
