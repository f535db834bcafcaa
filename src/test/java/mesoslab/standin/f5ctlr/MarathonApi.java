package mesoslab.standin.f5ctlr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mesoslab.standin.http.Json;

/** What a user with curl does to Marathon: its REST API and its event stream, over HTTP only. */
final class MarathonApi implements AutoCloseable {
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> eventTypes = new CopyOnWriteArrayList<>();
    private volatile InputStream events;

    MarathonApi(URI base) {
        this.base = base;
    }

    URI url() {
        return base;
    }

    /** Sends a request; a status outside 2xx fails with Marathon's answer. */
    JsonNode send(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }

    JsonNode get(String path) throws Exception {
        return send("GET", path, null);
    }

    /** The app's tasks as Marathon reports them. */
    List<JsonNode> tasks(String appId) throws Exception {
        List<JsonNode> tasks = new ArrayList<>();
        get("/v2/apps/" + appId + "/tasks").path("tasks").forEach(tasks::add);
        return tasks;
    }

    /** True when Marathon has no deployment in progress. */
    boolean idle() throws Exception {
        return get("/v2/deployments").isEmpty();
    }

    /** Subscribes to {@code /v2/events} and records the type of every event from now on. */
    void recordEvents() throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(base.resolve("/v2/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        events = response.body();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(events, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("event: ")) {
                        eventTypes.add(line.substring("event: ".length()).strip());
                    }
                }
            } catch (Exception streamEnded) {
                // closed by close() or by Marathon stopping
            }
        }, "it-marathon-events");
        reader.setDaemon(true);
        reader.start();
    }

    /** The types of the events received so far, oldest first. */
    List<String> eventTypes() {
        return List.copyOf(eventTypes);
    }

    @Override
    public void close() throws Exception {
        if (events != null) {
            events.close();
        }
    }
}
