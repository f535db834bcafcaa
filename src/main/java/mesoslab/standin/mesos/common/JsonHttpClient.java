package mesoslab.standin.mesos.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import mesoslab.standin.http.Json;

/** The stand-ins' internal JSON-over-HTTP exchange between master and agents (short timeouts). */
public final class JsonHttpClient {
    /**
     * Built on first use, not with the stand-in: building an HttpClient sets up TLS (a few hundred
     * classes), which would otherwise delay the moment a master first answers HTTP.
     */
    private HttpClient client;

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        }
        return client;
    }

    /** Posts JSON; returns the status and the parsed body (null when the body is empty or not JSON). */
    public Reply post(String hostPort, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + hostPort + path))
                .timeout(Duration.ofSeconds(3)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))).build();
        HttpResponse<byte[]> response = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode parsed = null;
        try {
            parsed = response.body().length == 0 ? null : Json.MAPPER.readTree(response.body());
        } catch (IOException notJson) {
            parsed = null;
        }
        return new Reply(response.statusCode(), parsed, response.headers().firstValue("Location").orElse(null));
    }

    /** A status code, JSON body and the Location header of a redirect (else null). */
    public record Reply(int status, JsonNode body, String location) {}
}
