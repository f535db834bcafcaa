package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZBase32Test {

    @Test
    void encodesTheSpecificationExamples() {
        assertThat(ZBase32.encode(new byte[] {(byte) 240, (byte) 191, (byte) 199})).isEqualTo("6n9hq");
        assertThat(ZBase32.encode(new byte[] {(byte) 212, 122, 4})).isEqualTo("4t7ye");
        assertThat(ZBase32.encode(new byte[] {(byte) 0xff})).isEqualTo("9h");
        assertThat(ZBase32.encode(new byte[] {0x34, 0x5a})).isEqualTo("gtpy");
    }

    @Test
    void taskHashMatchesTheCanonicalNamesMesosDnsGenerates() {
        // Task ids and hashes from Mesos-DNS's own generator expectations (liquor-store-4dfjd-0 etc.).
        assertThat(ZBase32.taskHash("liquor-store.b8db9f73-562f-11e4-a088-c20493233aa5")).isEqualTo("4dfjd");
        assertThat(ZBase32.taskHash("liquor-store.b71166c1-562f-11e4-a088-c20493233aa5")).isEqualTo("zasmd");
        assertThat(ZBase32.taskHash("car-store.43758382-562f-11e4-a088-c20493233aa5")).isEqualTo("zinaz");
    }
}
