package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpLiteralTest {

    @Test
    void parsesLiteralsOnlyAndNeverHostNames() {
        assertThat(IpLiteral.parse("127.0.0.21")).isPresent();
        assertThat(IpLiteral.parse("2001:db8::1")).isPresent();
        assertThat(IpLiteral.parse("localhost")).isEmpty();
        assertThat(IpLiteral.parse("256.1.1.1")).isEmpty();
        assertThat(IpLiteral.parse("")).isEmpty();
    }

    @Test
    void formatsIpv6LikeGoWithTheLongestZeroRunCompressed() {
        assertThat(IpLiteral.format(IpLiteral.parse("2001:0db8:0:0:0:0:0:1").orElseThrow())).isEqualTo("2001:db8::1");
        assertThat(IpLiteral.format(IpLiteral.parse("fd01:b:0:0:1:8000:0:2").orElseThrow())).isEqualTo("fd01:b::1:8000:0:2");
        assertThat(IpLiteral.format(IpLiteral.parse("127.0.0.1").orElseThrow())).isEqualTo("127.0.0.1");
    }
}
