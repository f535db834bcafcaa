package mesoslab.standin.bigip;

import static mesoslab.standin.bigip.IControlClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import mesoslab.standin.bigip.IControlClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth and the token flow of reference section 3.1, with F5's 401 bodies. */
class TokenAuthTest {
    @TempDir
    Path dir;
    private BigIpStandIn bigip;
    private IControlClient client;

    @BeforeEach
    void start() throws Exception {
        bigip = StandIns.start(dir.resolve("state.json"));
        client = IControlClient.to(bigip, StandIns.USER, StandIns.PASSWORD);
    }

    @AfterEach
    void stop() {
        bigip.close();
    }

    private Reply login(String password) throws Exception {
        return client.anonymous().post("/mgmt/shared/authn/login",
                json("{'username':'admin','password':'" + password + "','loginProviderName':'tmos'}"));
    }

    @Test
    void loginReturnsATokenInTheShapeF5ClientsRead() throws Exception {
        Reply reply = login(StandIns.PASSWORD);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.path("username").asText()).isEqualTo("admin");
        assertThat(body.path("loginProviderName").asText()).isEqualTo("tmos");
        assertThat(body.path("loginReference").path("link").asText()).startsWith("https://localhost/mgmt/cm/system/authn/providers/tmos/");
        JsonNode token = body.path("token");
        assertThat(token.path("token").asText()).matches("[A-Z2-7]{26}");
        assertThat(token.path("name").asText()).isEqualTo(token.path("token").asText());
        assertThat(token.path("userName").asText()).isEqualTo("admin");
        assertThat(token.path("timeout").asLong()).isEqualTo(1200);
        assertThat(token.path("expirationMicros").asLong() - token.path("lastUpdateMicros").asLong()).isEqualTo(1_200_000_000L);
        assertThat(token.path("startTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
        assertThat(token.path("kind").asText()).isEqualTo("shared:authz:tokens:authtokenitemstate");
        assertThat(token.path("selfLink").asText()).isEqualTo("https://localhost/mgmt/shared/authz/tokens/" + token.path("token").asText());
    }

    @Test
    void theTokenHeaderAloneAuthorisesRequests() throws Exception {
        String token = login(StandIns.PASSWORD).body().path("token").path("token").asText();
        Reply reply = client.token(token).get("/mgmt/tm/ltm/virtual");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("kind").asText()).isEqualTo("tm:ltm:virtual:virtualcollectionstate");
    }

    @Test
    void aTokenShortenedByPatchExpiresAndIsThenRefused() throws Exception {
        String token = login(StandIns.PASSWORD).body().path("token").path("token").asText();
        client.token(token);
        JsonNode patched = client.patch("/mgmt/shared/authz/tokens/" + token, json("{'timeout':1}")).body();
        assertThat(patched.path("timeout").asLong()).isEqualTo(1);
        assertThat(patched.path("expirationMicros").asLong() - patched.path("lastUpdateMicros").asLong()).isLessThanOrEqualTo(1_000_000L);
        Thread.sleep(1100);
        Reply expired = client.get("/mgmt/tm/ltm/pool");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().path("code").asInt()).isEqualTo(401);
        assertThat(expired.body().path("message").asText()).isEqualTo("X-F5-Auth-Token has expired.");
        assertThat(expired.body().path("kind").asText()).isEqualTo(":resterrorresponse");
    }

    @Test
    void aTokenCanBeExtendedUpTo36000SecondsAndNoFurther() throws Exception {
        String token = login(StandIns.PASSWORD).body().path("token").path("token").asText();
        client.token(token);
        assertThat(client.patch("/mgmt/shared/authz/tokens/" + token, json("{'timeout':36000}")).body().path("timeout").asLong())
                .isEqualTo(36000);
        Reply tooLong = client.patch("/mgmt/shared/authz/tokens/" + token, json("{'timeout':36001}"));
        assertThat(tooLong.status()).isEqualTo(406);
        assertThat(tooLong.body().path("message").asText()).isEqualTo("Auth-token absolute timeout (36000 seconds) exceeded");
        assertThat(client.get("/mgmt/shared/authz/tokens/" + token).body().path("timeout").asLong()).isEqualTo(36000);
    }

    @Test
    void aDeletedTokenNoLongerExists() throws Exception {
        String token = login(StandIns.PASSWORD).body().path("token").path("token").asText();
        assertThat(client.token(token).delete("/mgmt/shared/authz/tokens/" + token).status()).isEqualTo(200);
        Reply after = client.get("/mgmt/tm/sys/");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.body().path("message").asText()).isEqualTo("X-F5-Auth-Token does not exist.");
    }

    @Test
    void aBadPasswordGetsNoTokenAnd401() throws Exception {
        Reply reply = login("wrong");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().path("code").asInt()).isEqualTo(401);
        assertThat(reply.body().path("message").asText()).isEqualTo("Authentication failed.");
        assertThat(reply.body().has("token")).isFalse();
        assertThat(reply.raw()).doesNotContain("wrong");
    }

    @Test
    void basicAuthWithAWrongPasswordOrNoneIsRefusedInF5Shape() throws Exception {
        Reply wrong = client.basic("admin", "nope").get("/mgmt/tm/ltm/virtual");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().path("message").asText()).startsWith("Authorization failed: user=admin resource=/mgmt/tm/ltm/virtual");

        Reply none = client.anonymous().get("/mgmt/tm/ltm/virtual");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().path("message").asText())
                .startsWith("Authorization failed: no user authentication header or token detected. Uri:http://localhost:8100/mgmt/tm/ltm/virtual");
        assertThat(none.body().path("referer").asText()).isEqualTo("127.0.0.1");
        assertThat(none.body().path("restOperationId").isNumber()).isTrue();
        assertThat(none.body().path("kind").asText()).isEqualTo(":resterrorresponse");
    }

    @Test
    void theCertificateServedIsTheOneWhoseFingerprintIsPrinted() throws Exception {
        client.get("/mgmt/tm/sys/");
        assertThat(client.presentedFingerprint()).isEqualTo(bigip.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }
}
