package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What the stack ITs do over HTTP: JSON requests to a host:port, and waiting for a condition. */
final class StackHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A reply with its status and (if any) Location, body parsed on demand. */
    record Reply(int status, String body, String location) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    Reply send(String hostPort, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + hostPort + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
    }

    JsonNode get(String hostPort, String path) throws IOException, InterruptedException {
        return send(hostPort, "GET", path, null).json();
    }

    @FunctionalInterface
    interface Check {
        boolean ok() throws Exception;
    }

    /** Polls {@code check} every 20 ms; fails naming {@code what} and the last error seen. */
    static void await(String what, Check check, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (Exception | AssertionError notYet) {
                last = notYet;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not within " + seconds + " s: " + what + (last == null ? "" : " (last error: " + last + ")"));
    }
}
