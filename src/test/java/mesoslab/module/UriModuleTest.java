package mesoslab.module;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mesoslab.module.builtin.UriModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code uri} through the host's curl against a real HTTP server on loopback. */
class UriModuleTest {
    @TempDir
    Path dir;
    HttpServer server;
    final List<String> requests = new ArrayList<>();
    final UriModule uri = new UriModule();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/info", exchange -> {
            byte[] body = "{\"name\":\"marathon\",\"version\":\"1.11.0\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Marathon-Leader", "http://m1:8080");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/echo", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + new String(in, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(201, in.length);
            exchange.getResponseBody().write(in);
            exchange.close();
        });
        server.createContext("/secure", exchange -> {
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"lab\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                requests.add(exchange.getRequestHeaders().getFirst("Authorization"));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/v2/info");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private ModuleResult run(Map<String, Object> args) {
        return ModuleHarness.in(dir).run(uri, args);
    }

    @Test
    void aGetReturnsStatusHeadersInLowerCaseAndParsedJson() {
        ModuleResult r = run(Map.of("url", url("/v2/info"), "return_content", true));
        assertThat(r.data()).containsEntry("status", 200).containsEntry("changed", false)
                .containsEntry("x_marathon_leader", "http://m1:8080").containsEntry("content_type", "application/json")
                .containsEntry("content", "{\"name\":\"marathon\",\"version\":\"1.11.0\"}")
                .containsEntry("json", Map.of("name", "marathon", "version", "1.11.0")).containsEntry("msg", "OK (38 bytes)");
        assertThat(r.data().get("failed")).isNotEqualTo(true);
    }

    @Test
    void aJsonBodyIsSentAsJsonWithItsContentType() {
        ModuleResult r = run(Map.of("url", url("/echo"), "method", "POST", "body_format", "json",
                "body", Map.of("id", "/hello", "instances", 2), "status_code", List.of(200, 201)));
        assertThat(r.data()).containsEntry("status", 201);
        assertThat(requests).singleElement().asString().startsWith("POST application/json null {")
                .contains("\"id\":\"/hello\"").contains("\"instances\":2");
    }

    @Test
    void aBodyWithQuotesBackslashesAndNewlinesArrivesByteForByte() {
        String body = "line \"one\"\\\n\tline two\n";
        run(Map.of("url", url("/echo"), "method", "PUT", "body", body, "status_code", 201));
        assertThat(requests).singleElement().asString().endsWith(" " + body);
    }

    @Test
    void anUnexpectedStatusFailsTheTaskNamingBothCodes() {
        ModuleResult r = run(Map.of("url", url("/echo"), "method", "POST", "body", "x"));
        assertThat(r.data()).containsEntry("failed", true).containsEntry("status", 201);
        assertThat(r.data().get("msg")).isEqualTo("Status code was 201 and not [200]: HTTP Error 201");
    }

    @Test
    void credentialsAnswerTheChallengeAndNeverAppearInTheResult() {
        ModuleResult r = run(Map.of("url", url("/secure"), "url_username", "admin", "url_password", "s3cr3t!", "status_code", 204));
        assertThat(r.data()).containsEntry("status", 204);
        assertThat(requests).containsExactly("Basic " + Base64.getEncoder().encodeToString("admin:s3cr3t!".getBytes()));
        assertThat(r.data().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void redirectsAreFollowedAndReported() {
        ModuleResult r = run(Map.of("url", url("/moved")));
        assertThat(r.data()).containsEntry("status", 200).containsEntry("redirected", true).containsEntry("url", url("/v2/info"))
                .containsEntry("x_marathon_leader", "http://m1:8080");
    }

    @Test
    void aRefusedConnectionFailsWithStatusMinusOneAndCurlsReason() {
        int port = server.getAddress().getPort();
        server.stop(0);
        ModuleResult r = run(Map.of("url", "http://127.0.0.1:" + port + "/v2/info", "timeout", 5));
        assertThat(r.data()).containsEntry("failed", true).containsEntry("status", -1);
        assertThat(String.valueOf(r.data().get("msg"))).startsWith("Status code was -1 and not [200]: Request failed: ")
                .contains("onnect");
    }

    @Test
    void checkModeSendsNothing() {
        ModuleResult r = ModuleHarness.in(dir).run(uri, Map.of("url", url("/echo"), "method", "POST", "body", "x"), true, false);
        assertThat(r.data()).containsEntry("skipped", true).containsEntry("changed", false);
        assertThat(requests).isEmpty();
    }
}
