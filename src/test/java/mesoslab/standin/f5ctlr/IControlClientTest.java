package mesoslab.standin.f5ctlr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import mesoslab.standin.f5ctlr.bigip.IControlClient;
import mesoslab.standin.f5ctlr.bigip.IControlException;
import mesoslab.standin.f5ctlr.config.Password;
import mesoslab.standin.f5ctlr.config.TlsTrust;
import mesoslab.standin.f5ctlr.log.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IControlClientTest {
    private TestIControlServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestIControlServer("admin", "pw");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private IControlClient client(String password, TlsTrust trust) throws Exception {
        return new IControlClient(server.url(), "admin", new Password(password), trust.sslContext(), Duration.ofSeconds(5), Log.discard());
    }

    @Test
    void logsInOnceForATokenThenReadsTheVersionFromSys() throws Exception {
        try (IControlClient client = client("pw", new TlsTrust.Insecure())) {
            assertThat(client.version()).isEqualTo("13.1.1");
            client.get("ltm/pool/?$filter=partition+eq+mesos");
        }

        assertThat(server.requests()).startsWith("POST /mgmt/shared/authn/login", "GET /mgmt/tm/sys/", "GET /mgmt/tm/ltm/pool/")
                .filteredOn(r -> r.contains("authn/login")).hasSize(1);
    }

    @Test
    void aPinnedCertificateIsAcceptedAndAnyOtherRefused() throws Exception {
        try (IControlClient pinned = client("pw", new TlsTrust.Pinned(TestTls.sha256()))) {
            assertThat(pinned.version()).isEqualTo("13.1.1");
        }
        try (IControlClient wrong = client("pw", new TlsTrust.Pinned("00".repeat(32)))) {
            assertThatThrownBy(wrong::version).isInstanceOfSatisfying(IControlException.class, e -> assertThat(e.unreachable()).isTrue());
        }
    }

    @Test
    void aWrongPasswordIsA401WhoseMessageDoesNotCarryThePassword() throws Exception {
        try (IControlClient client = client("not-the-pw", new TlsTrust.Insecure())) {
            assertThatThrownBy(client::version).isInstanceOfSatisfying(IControlException.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.getMessage()).doesNotContain("not-the-pw");
            });
        }
    }

    @Test
    void namesWithRouteDomainsArePercentEncodedInObjectPaths() {
        assertThat(IControlClient.objectPath("ltm/node", "mesos", "10.2.10.22%0")).isEqualTo("ltm/node/~mesos~10.2.10.22%250");
    }
}
