package mesoslab.standin.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The small HTTP(S) server every stand-in builds on: routes by method and path pattern, JSON
 * helpers, and a request log tests can read. Built on the JDK's server so the stand-ins start in
 * milliseconds and need no web framework.
 *
 * <p>Routes are tried in registration order; the first match answers. A route that throws
 * {@link HttpError} answers with that error; any other exception answers 500 with its message.
 * Thread-safe once started; routes must be added before {@link #start()}.
 */
public final class StandInHttpServer implements AutoCloseable {
    private final List<Route> routes = new ArrayList<>();
    private final List<String> requestLog = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile Consumer<String> logSink = line -> {};

    private StandInHttpServer(HttpServer server) {
        this.server = server;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "standin-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    /** A plain-HTTP server bound to {@code address} (port 0 picks a free port). */
    public static StandInHttpServer http(InetSocketAddress address) throws IOException {
        return new StandInHttpServer(HttpServer.create(address, 128));
    }

    /** An HTTPS server bound to {@code address}, presenting the key material in {@code tls}. */
    public static StandInHttpServer https(InetSocketAddress address, SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(address, 128);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new StandInHttpServer(server);
    }

    public StandInHttpServer route(String method, String pattern, Route.Handler handler) {
        routes.add(new Route(method, pattern, handler));
        return this;
    }

    public StandInHttpServer get(String pattern, Route.Handler handler) {
        return route("GET", pattern, handler);
    }

    public StandInHttpServer post(String pattern, Route.Handler handler) {
        return route("POST", pattern, handler);
    }

    public StandInHttpServer put(String pattern, Route.Handler handler) {
        return route("PUT", pattern, handler);
    }

    public StandInHttpServer patch(String pattern, Route.Handler handler) {
        return route("PATCH", pattern, handler);
    }

    public StandInHttpServer delete(String pattern, Route.Handler handler) {
        return route("DELETE", pattern, handler);
    }

    /**
     * Hands every request under {@code path} to a raw JDK handler. For answers that stream for
     * a long time (Mesos' RecordIO scheduler event stream), which a {@link Response} cannot hold.
     */
    public StandInHttpServer rawContext(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /** Where one line per request goes (method, path, status), besides the in-memory log. */
    public StandInHttpServer logTo(Consumer<String> sink) {
        this.logSink = sink;
        return this;
    }

    public StandInHttpServer start() {
        server.start();
        return this;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request so far as {@code "METHOD /path?query STATUS"}, oldest first. */
    public List<String> requestLog() {
        return Collections.unmodifiableList(requestLog);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        Response response;
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            response = answer(method, path, exchange, body);
        } catch (HttpError e) {
            response = e.response();
        } catch (Exception e) {
            response = Response.text(500, String.valueOf(e.getMessage()));
        }
        String raw = exchange.getRequestURI().getRawQuery();
        String line = method + " " + path + (raw == null ? "" : "?" + raw) + " " + response.status();
        requestLog.add(line);
        logSink.accept(line);
        send(exchange, response);
    }

    private Response answer(String method, String path, HttpExchange exchange, byte[] body) throws Exception {
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(method, path);
            if (params.isPresent()) {
                Request request = new Request(method, path, params.get(), query(exchange.getRequestURI().getRawQuery()),
                        headers(exchange), body, exchange.getRemoteAddress());
                return route.handler().handle(request);
            }
            pathKnown |= route.match("*".equals(route.method()) ? "*" : route.method(), path).isPresent();
        }
        return pathKnown ? Response.text(405, "Method Not Allowed") : Response.text(404, "Not Found");
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean noBody = response.body() == null || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return headers;
    }
}
