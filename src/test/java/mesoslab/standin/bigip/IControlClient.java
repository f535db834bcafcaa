package mesoslab.standin.bigip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A test's iControl REST client over real HTTPS. It accepts the stand-in's self-signed
 * certificate and remembers its fingerprint, so a test can compare it with the one printed.
 */
final class IControlClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status and body (JSON, or null when empty). */
    record Reply(int status, JsonNode body, String raw) {}

    private final String base;
    private final HttpClient http;
    private volatile String presentedFingerprint;
    private String basic;
    private String token;

    IControlClient(String host, int port) throws Exception {
        this.base = "https://" + host + ":" + port;
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                try {
                    presentedFingerprint = HexFormat.ofDelimiter(":").formatHex(
                            MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded())).toUpperCase(Locale.ROOT);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static IControlClient to(BigIpStandIn bigip, String user, String password) throws Exception {
        return new IControlClient("127.0.0.1", bigip.mgmtAddress().getPort()).basic(user, password);
    }

    IControlClient basic(String user, String password) {
        this.basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.token = null;
        return this;
    }

    IControlClient token(String value) {
        this.token = value;
        this.basic = null;
        return this;
    }

    IControlClient anonymous() {
        this.token = null;
        this.basic = null;
        return this;
    }

    String presentedFingerprint() {
        return presentedFingerprint;
    }

    Reply get(String path) throws Exception {
        return send("GET", path, null);
    }

    Reply post(String path, String json) throws Exception {
        return send("POST", path, json);
    }

    Reply put(String path, String json) throws Exception {
        return send("PUT", path, json);
    }

    Reply patch(String path, String json) throws Exception {
        return send("PATCH", path, json);
    }

    Reply delete(String path) throws Exception {
        return send("DELETE", path, null);
    }

    Reply send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (basic != null) {
            request.header("Authorization", "Basic " + basic);
        }
        if (token != null) {
            request.header("X-F5-Auth-Token", token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String raw = response.body();
        return new Reply(response.statusCode(), raw == null || raw.isEmpty() ? null : JSON.readTree(raw), raw);
    }

    /** Single quotes for readable JSON in tests: {@code json("{'name':'p1'}")}. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
