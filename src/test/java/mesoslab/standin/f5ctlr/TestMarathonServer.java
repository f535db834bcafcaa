package mesoslab.standin.f5ctlr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mesoslab.standin.http.Json;

/**
 * Test-only Marathon: {@code GET /v2/apps} answers with whatever document the test set, and
 * {@code GET /v2/events} is a real server-sent-event stream (chunked, {@code event:}/{@code data:}
 * lines, {@code event_stream_attached} first) that the test writes events into.
 */
final class TestMarathonServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<ObjectNode> apps = new AtomicReference<>(emptyApps());
    private final List<OutputStream> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger appReads = new AtomicInteger();

    TestMarathonServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-marathon");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v2/apps", this::apps);
        server.createContext("/v2/events", this::events);
        server.start();
    }

    private static ObjectNode emptyApps() {
        ObjectNode doc = Json.object();
        doc.putArray("apps");
        return doc;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void serve(ObjectNode appsDocument) {
        apps.set(appsDocument.deepCopy());
    }

    int appReads() {
        return appReads.get();
    }

    int subscribers() {
        return subscribers.size();
    }

    /** Sends one event to every connected client, as Marathon writes it. */
    void emit(String eventType) {
        ObjectNode data = Json.object().put("eventType", eventType).put("timestamp", java.time.Instant.now().toString());
        byte[] frame = ("event: " + eventType + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (OutputStream out : subscribers) {
            try {
                out.write(frame);
                out.flush();
            } catch (IOException e) {
                subscribers.remove(out);
            }
        }
    }

    private void apps(HttpExchange exchange) throws IOException {
        appReads.incrementAndGet();
        byte[] body = Json.MAPPER.writeValueAsBytes(apps.get());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String attached = Json.object().put("remoteAddress", "127.0.0.1").put("eventType", "event_stream_attached").toString();
        out.write(("event: event_stream_attached\ndata: " + attached + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        subscribers.add(out);
        // The exchange stays open; emit() writes into it until the client or close() ends it.
    }

    @Override
    public void close() {
        for (OutputStream out : subscribers) {
            try {
                out.close();
            } catch (IOException e) {
                // already gone
            }
        }
        server.stop(0);
    }
}
