package mesoslab.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain GETs against a Mesos or Marathon HTTP API. Redirects are not followed: a standby master's 307 to the
 * leader is itself evidence.
 */
public final class PlainHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final Duration timeout;

    public PlainHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The status, the Location header (or null) and the body of GET http://endpoint/path. */
    public Answer get(HttpEndpoint endpoint, String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + endpoint.hostPort() + path)).timeout(timeout).GET().build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public record Answer(int status, String location, String body) {
        public JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }
}
