package mesoslab.standin.marathon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mesoslab.standin.http.Json;

/**
 * Marathon's event bus as {@code /v2/events} serves it: Server-Sent Events
 * ({@code event: <eventType>\ndata: <json>\n\n}), {@code event_stream_attached} first, an
 * optional {@code ?event_type=} filter, and a blank keep-alive line so idle clients (the F5
 * controller times out after 30 s) see the connection is alive. Each subscriber has its own
 * queue and is written by its own HTTP thread, so a slow reader never stalls the scheduler.
 */
final class EventBus {
    private static final long KEEPALIVE_MILLIS = 10_000;
    private static final int MAX_QUEUED = 10_000;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    private record Subscriber(BlockingQueue<String> queue, Set<String> types) {
        boolean wants(String type) {
            return types.isEmpty() || types.contains(type);
        }
    }

    /** Publishes an event; {@code eventType} and {@code timestamp} are added to {@code data}. */
    void publish(String type, ObjectNode data) {
        data.put("eventType", type).put("timestamp", Timestamps.now());
        String frame;
        try {
            frame = "event: " + type + "\ndata: " + Json.MAPPER.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + type, e);
        }
        for (Subscriber s : subscribers) {
            if (s.wants(type) && s.queue().size() < MAX_QUEUED) {
                s.queue().add(frame);
            }
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** Serves one SSE client until it goes away (or {@link #closeAll()}); blocks the calling HTTP thread. */
    void serve(HttpExchange exchange, Set<String> types) throws IOException {
        Subscriber me = new Subscriber(new LinkedBlockingQueue<>(), types);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache, no-store, must-revalidate");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        ObjectNode attached = Json.object().put("remoteAddress", exchange.getRemoteAddress().getAddress().getHostAddress());
        subscribers.add(me);
        publishTo(me, "event_stream_attached", attached);
        try {
            while (true) {
                String frame = me.queue().poll(KEEPALIVE_MILLIS, TimeUnit.MILLISECONDS);
                if (frame == CLOSE) {
                    break;
                }
                out.write((frame == null ? "\r\n" : frame).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // The client hung up; nothing to tell anyone.
        } finally {
            subscribers.remove(me);
            exchange.close();
        }
    }

    private static final String CLOSE = new String("close");

    private void publishTo(Subscriber s, String type, ObjectNode data) throws IOException {
        data.put("eventType", type).put("timestamp", Timestamps.now());
        s.queue().add("event: " + type + "\ndata: " + Json.MAPPER.writeValueAsString(data) + "\n\n");
    }

    /** Ends every stream (leadership lost, or shutting down): clients reconnect and find the leader. */
    void closeAll() {
        subscribers.forEach(s -> s.queue().add(CLOSE));
    }
}
