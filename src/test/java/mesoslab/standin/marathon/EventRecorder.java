package mesoslab.standin.marathon;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads a Marathon's {@code /v2/events} SSE stream on a daemon thread, keeping every event in arrival order. */
final class EventRecorder {
    /** One event: its {@code event:} type and its {@code data:} JSON text. */
    record Event(String type, String data) {}

    final List<Event> events = new CopyOnWriteArrayList<>();

    EventRecorder(String hostPort) {
        Thread t = new Thread(() -> read(hostPort), "it-sse-" + hostPort);
        t.setDaemon(true);
        t.start();
    }

    private void read(String hostPort) {
        try {
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + hostPort
                    + "/v2/events")).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
            String type = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ") && type != null) {
                    events.add(new Event(type, line.substring(6)));
                }
            }
        } catch (Exception e) {
            // the stream ended with its Marathon
        }
    }

    List<String> types() {
        return events.stream().map(Event::type).toList();
    }
}
