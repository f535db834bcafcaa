package mesoslab.standin.bigip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BigIpFlagsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheDocumentedFlagsInBothSpellings() throws Exception {
        BigIpFlags flags = BigIpFlags.parse(new String[] {"--mgmt", "127.78.0.2:8443", "--user=admin", "--password", "pw",
                "--self-ip", "127.78.0.3", "--self-ip=127.78.0.4,127.78.0.5", "--state", "/tmp/x.json"});
        assertThat(flags.mgmt().getPort()).isEqualTo(8443);
        assertThat(flags.mgmt().getHostString()).isEqualTo("127.78.0.2");
        assertThat(flags.user()).isEqualTo("admin");
        assertThat(flags.selfIps()).containsExactly("127.78.0.3", "127.78.0.4", "127.78.0.5");
        assertThat(flags.state()).isEqualTo(Path.of("/tmp/x.json"));
        assertThat(flags.toString()).doesNotContain("pw");
    }

    @Test
    void aPasswordIsRequiredAndMayComeFromAFile() throws Exception {
        assertThatThrownBy(() -> BigIpFlags.parse(new String[] {"--mgmt", "127.0.0.1:8443"}))
                .isInstanceOf(BigIpFlags.UsageException.class).hasMessageContaining("--password");
        Path file = Files.writeString(dir.resolve("pw"), "from-file\n");
        assertThat(BigIpFlags.parse(new String[] {"--password-file", file.toString()}).password()).isEqualTo("from-file");
    }

    @Test
    void aBadFlagExits2WithUsage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BigIpStandIn.run(new String[] {"--mgmt", "nope", "--password", "x"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--mgmt must be ADDR:PORT").contains("usage:");
        assertThatThrownBy(() -> BigIpFlags.parse(new String[] {"--password", "x", "--bogus", "1"}))
                .hasMessageContaining("unknown flag '--bogus'");
    }
}
