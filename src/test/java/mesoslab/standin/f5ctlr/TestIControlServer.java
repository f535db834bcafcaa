package mesoslab.standin.f5ctlr;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import mesoslab.standin.http.Json;

/**
 * Test-only iControl REST server over HTTPS (a keytool-made self-signed certificate): token login
 * at {@code /mgmt/shared/authn/login} and Basic auth, BIG-IP's 401 body, every {@code /mgmt/tm}
 * call handed to an {@link IControlRecorder}, and a request log. It can be taken down and brought
 * back on the same port with its objects kept, to play an unreachable BIG-IP.
 */
final class TestIControlServer implements AutoCloseable {
    private final IControlRecorder recorder = new IControlRecorder();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final String user;
    private final String password;
    private final SSLContext tls;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-icontrol");
        t.setDaemon(true);
        return t;
    });
    private int port;
    private HttpsServer server;

    TestIControlServer(String user, String password) throws Exception {
        this.user = user;
        this.password = password;
        this.tls = TestTls.serverContext();
        bind(0);
    }

    private synchronized void bind(int wanted) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    URI url() {
        return URI.create("https://127.0.0.1:" + port);
    }

    IControlRecorder recorder() {
        return recorder;
    }

    /** Every request so far as {@code METHOD /mgmt/...path} (decoded, query left out). */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Stops listening: connections are refused until {@link #comeBack()}. */
    synchronized void goDown() {
        server.stop(0);
    }

    synchronized void comeBack() throws IOException {
        bind(port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        requests.add(method + " " + path);
        JsonNode body = raw.length == 0 ? null : Json.MAPPER.readTree(raw);
        if (path.equals("/mgmt/shared/authn/login") && method.equals("POST")) {
            if (body == null || !user.equals(body.path("username").asText()) || !password.equals(body.path("password").asText())) {
                send(exchange, 401, Json.object().put("code", 401).put("message", "Authentication failed."));
                return;
            }
            String token = UUID.randomUUID().toString().replace("-", "").substring(0, 26).toUpperCase();
            tokens.add(token);
            long now = System.currentTimeMillis() * 1000;
            var answer = Json.object().put("username", user).put("loginProviderName", "tmos");
            answer.putObject("token").put("token", token).put("name", token).put("userName", user).put("timeout", 1200)
                    .put("lastUpdateMicros", now).put("expirationMicros", now + 1_200_000_000L)
                    .put("kind", "shared:authz:tokens:authtokenitemstate");
            send(exchange, 200, answer);
            return;
        }
        if (path.startsWith("/mgmt/shared/authz/tokens/") && method.equals("DELETE")) {
            tokens.remove(path.substring(path.lastIndexOf('/') + 1));
            send(exchange, 200, null);
            return;
        }
        if (!authorized(exchange)) {
            send(exchange, 401, Json.object().put("code", 401).put("message", "Authorization failed: no user authentication header or token detected. Uri:"
                    + path).put("referer", "127.0.0.1").put("restOperationId", 1).put("kind", ":resterrorresponse"));
            return;
        }
        if (!path.startsWith("/mgmt/tm/")) {
            send(exchange, 404, Json.object().put("code", 404).put("message", "Public URI path not registered: " + path));
            return;
        }
        IControlRecorder.Reply reply = recorder.handle(method, path.substring("/mgmt/tm/".length()), query(exchange.getRequestURI().getRawQuery()), body);
        send(exchange, reply.status(), reply.body());
    }

    private boolean authorized(HttpExchange exchange) {
        String token = exchange.getRequestHeaders().getFirst("X-F5-Auth-Token");
        if (token != null) {
            return tokens.contains(token);
        }
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return expected.equals(basic);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public synchronized void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
