package mesoslab.standin.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test scheduler that speaks the Mesos v1 scheduler HTTP API in JSON, written from the
 * protocol (not from the stand-in's classes): SUBSCRIBE, RecordIO event decoding, calls with
 * the Mesos-Stream-Id header.
 */
final class SchedulerClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String master;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private InputStream stream;
    String streamId;
    String frameworkId;

    SchedulerClient(String masterHostPort) {
        this.master = masterHostPort;
    }

    HttpResponse<InputStream> subscribe(String name) throws Exception {
        ObjectNode call = JSON.createObjectNode().put("type", "SUBSCRIBE");
        ObjectNode info = call.putObject("subscribe").putObject("framework_info").put("user", "root").put("name", name);
        info.putArray("capabilities").addObject().put("type", "PARTITION_AWARE");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + master + "/api/v1/scheduler"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(call))).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 200) {
            streamId = response.headers().firstValue("Mesos-Stream-Id").orElseThrow();
            stream = response.body();
            Thread reader = new Thread(this::readEvents, "test-scheduler-events");
            reader.setDaemon(true);
            reader.start();
            frameworkId = await(e -> e.path("type").asText().equals("SUBSCRIBED"))
                    .path("subscribed").path("framework_id").path("value").asText();
        }
        return response;
    }

    private void readEvents() {
        try {
            while (true) {
                ByteArrayOutputStream length = new ByteArrayOutputStream();
                int b;
                while ((b = stream.read()) != '\n') {
                    if (b < 0) {
                        return;
                    }
                    length.write(b);
                }
                byte[] record = stream.readNBytes(Integer.parseInt(length.toString().strip()));
                events.add(JSON.readTree(record));
            }
        } catch (IOException e) {
            // Stream closed: the test decides whether that was expected.
        }
    }

    /** Waits for the first event matching {@code wanted}, dropping others. */
    JsonNode await(Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            JsonNode e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && wanted.test(e)) {
                return e;
            }
        }
        throw new AssertionError("no matching scheduler event within 15 s");
    }

    JsonNode awaitUpdate(String taskId, String state) throws InterruptedException {
        return await(e -> e.path("type").asText().equals("UPDATE")
                && e.path("update").path("status").path("task_id").path("value").asText().equals(taskId)
                && e.path("update").path("status").path("state").asText().equals(state));
    }

    int call(ObjectNode call) throws Exception {
        call.putObject("framework_id").put("value", frameworkId);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + master + "/api/v1/scheduler"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json").header("Mesos-Stream-Id", streamId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(call))).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static ObjectNode newCall(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
    }
}
