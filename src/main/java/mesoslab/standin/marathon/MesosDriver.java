package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mesoslab.standin.http.Json;
import mesoslab.standin.mesos.common.MasterDetector;
import mesoslab.standin.mesos.common.ZkUrl;
import org.apache.zookeeper.ZooKeeper;

/**
 * Marathon's link to Mesos over the v1 scheduler HTTP API (JSON): finds the leading master
 * (ZooKeeper {@code json.info_} group, or a host:port whose 307 is followed), SUBSCRIBEs, reads
 * the RecordIO event stream, and sends calls with {@code Mesos-Stream-Id}. When the stream ends
 * (master failover) it finds the new leader and subscribes again with the same framework id.
 */
final class MesosDriver implements AutoCloseable {

    /** Receives events on the driver's reader thread, in stream order. */
    interface Listener {
        void subscribed(String frameworkId, String masterEndpoint);

        void event(JsonNode event);

        void disconnected();
    }

    private final String masterFlag;
    private final ObjectNode frameworkInfo;
    private final Listener listener;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService calls = Executors.newSingleThreadExecutor(r -> daemon(r, "marathon-mesos-calls"));
    private final ZooKeeper zk;
    private final ZkUrl zkUrl;
    private final long heartbeatTimeoutMillis;
    private volatile boolean running;
    private volatile String frameworkId;
    private volatile String streamId;
    private volatile String endpoint;
    private volatile InputStream stream;
    private volatile long lastEventMillis;
    private Thread loop;
    private Thread watchdog;

    /**
     * @param frameworkId the id to subscribe with (from ZooKeeper), or null for a new framework
     */
    MesosDriver(String masterFlag, ObjectNode frameworkInfo, String frameworkId, long heartbeatTimeoutMillis,
            Listener listener) throws IOException {
        this.masterFlag = masterFlag;
        this.frameworkInfo = frameworkInfo;
        this.frameworkId = frameworkId;
        this.heartbeatTimeoutMillis = heartbeatTimeoutMillis;
        this.listener = listener;
        if (masterFlag.startsWith("zk://")) {
            zkUrl = ZkUrl.parse(masterFlag);
            zk = new ZooKeeper(zkUrl.connectString(), 10_000, e -> { });
        } else {
            zkUrl = null;
            zk = null;
        }
    }

    void start() {
        running = true;
        loop = daemon(this::run, "marathon-mesos-driver");
        loop.start();
        watchdog = daemon(this::watch, "marathon-mesos-heartbeat-watch");
        watchdog.start();
    }

    /** A master that stops sending (even heartbeats) without closing the connection is given up on. */
    private void watch() {
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            InputStream s = stream;
            if (s != null && streamId != null && System.currentTimeMillis() - lastEventMillis > heartbeatTimeoutMillis) {
                System.err.println("marathon: no event from the master for " + heartbeatTimeoutMillis + " ms; reconnecting");
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing is all we want
                }
            }
        }
    }

    String frameworkId() {
        return frameworkId;
    }

    /** host:port of the master currently subscribed to, or null. */
    String masterEndpoint() {
        return streamId == null ? null : endpoint;
    }

    private void run() {
        while (running) {
            try {
                Optional<String> leader = findLeader();
                if (leader.isPresent()) {
                    subscribeAndRead(leader.get());
                }
            } catch (IOException e) {
                // Master gone or not leading (yet): look again shortly.
            } catch (InterruptedException e) {
                return;
            }
            if (streamId != null) {
                streamId = null;
                listener.disconnected();
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Optional<String> findLeader() throws InterruptedException {
        if (zk == null) {
            return Optional.of(masterFlag.replaceFirst("^https?://", "").replaceFirst("/.*$", ""));
        }
        return MasterDetector.leader(zk, zkUrl.path()).map(m -> m.ip() + ":" + m.port());
    }

    private void subscribeAndRead(String target) throws IOException, InterruptedException {
        ObjectNode call = Json.object().put("type", "SUBSCRIBE");
        ObjectNode info = frameworkInfo.deepCopy();
        if (frameworkId != null) {
            info.putObject("id").put("value", frameworkId);
            call.putObject("framework_id").put("value", frameworkId);
        }
        call.putObject("subscribe").set("framework_info", info);
        HttpResponse<InputStream> response = post(target, call, HttpResponse.BodyHandlers.ofInputStream(), null);
        if (response.statusCode() == 307) {
            // A non-leading master named by host:port points at the leader; follow it once.
            response.body().close();
            String location = response.headers().firstValue("Location").orElse("");
            target = location.replaceFirst("^(https?:)?//", "").replaceFirst("/.*$", "");
            response = post(target, call, HttpResponse.BodyHandlers.ofInputStream(), null);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("SUBSCRIBE answered " + response.statusCode());
        }
        endpoint = target;
        stream = response.body();
        String id = response.headers().firstValue("Mesos-Stream-Id").orElse(null);
        try (InputStream in = stream) {
            lastEventMillis = System.currentTimeMillis();
            for (JsonNode event = next(in); event != null && running; event = next(in)) {
                lastEventMillis = System.currentTimeMillis();
                if ("SUBSCRIBED".equals(event.path("type").asText())) {
                    frameworkId = event.path("subscribed").path("framework_id").path("value").asText();
                    streamId = id;
                    listener.subscribed(frameworkId, target);
                } else {
                    listener.event(event);
                }
            }
        }
    }

    /** One RecordIO record: decimal length, newline, that many bytes of JSON; null at end of stream. */
    private JsonNode next(InputStream in) throws IOException {
        ByteArrayOutputStream length = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            length.write(b);
        }
        byte[] record = in.readNBytes(Integer.parseInt(length.toString().strip()));
        return Json.MAPPER.readTree(record);
    }

    /** Sends a call (ACCEPT, DECLINE, KILL, ACKNOWLEDGE, RECONCILE, REVIVE...) in order, off the caller's thread. */
    void call(ObjectNode call) {
        String target = endpoint;
        String sid = streamId;
        String fid = frameworkId;
        if (target == null || sid == null || fid == null) {
            return;
        }
        call.putObject("framework_id").put("value", fid);
        try {
            calls.execute(() -> {
                try {
                    HttpResponse<String> r = post(target, call, HttpResponse.BodyHandlers.ofString(), sid);
                    if (r.statusCode() != 202) {
                        System.err.println("marathon: " + call.path("type").asText() + " answered " + r.statusCode() + " " + r.body());
                    }
                } catch (IOException e) {
                    System.err.println("marathon: " + call.path("type").asText() + " not delivered: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // Shutting down: calls are dropped as a crashed scheduler's would be.
        }
    }

    private <T> HttpResponse<T> post(String target, ObjectNode call, HttpResponse.BodyHandler<T> handler, String sid)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + target + "/api/v1/scheduler"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(call)));
        if (sid != null) {
            b.header("Mesos-Stream-Id", sid).timeout(Duration.ofSeconds(5));
        }
        return http.send(b.build(), handler);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Disconnects without TEARDOWN: the framework (and its tasks) stay for the next leader, as on a failover. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        InputStream s = stream;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        if (loop != null) {
            loop.interrupt();
            watchdog.interrupt();
        }
        calls.shutdownNow();
        if (zk != null) {
            zk.close();
        }
    }
}
