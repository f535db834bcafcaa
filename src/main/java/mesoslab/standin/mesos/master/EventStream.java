package mesoslab.standin.mesos.master;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import mesoslab.standin.http.Json;

/**
 * One subscribed scheduler's event stream in RecordIO framing: each event is written as its
 * byte length in decimal, a newline, then the JSON bytes (what the v1 scheduler API sends).
 */
final class EventStream {
    private final OutputStream out;
    private final CountDownLatch closed = new CountDownLatch(1);

    EventStream(OutputStream out) {
        this.out = out;
    }

    synchronized boolean send(JsonNode event) {
        if (!open()) {
            return false;
        }
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(event);
            out.write((json.length + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            return true;
        } catch (IOException e) {
            close();
            return false;
        }
    }

    boolean open() {
        return closed.getCount() > 0;
    }

    void close() {
        closed.countDown();
        try {
            out.close();
        } catch (IOException ignored) {
            // The scheduler already hung up.
        }
    }

    /** Blocks the serving thread until the stream ends, so the HTTP exchange stays open. */
    void awaitClose() throws InterruptedException {
        closed.await();
    }
}
