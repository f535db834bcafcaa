package mesoslab.standin.marathon;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import mesoslab.standin.http.Request;
import mesoslab.standin.http.Response;

/**
 * Marathon's leader proxy filter: a standby forwards every request to the leader and marks the
 * answer {@code X-Marathon-Via}; the leader marks its own answers {@code X-Marathon-Leader};
 * with no leader known the answer is 502 "Could not determine the current leader".
 */
final class LeaderProxy {
    private static final List<String> PASSED_BACK = List.of("Content-Type", "Location", "Marathon-Deployment-Id", "X-Marathon-Leader");
    private final BooleanSupplier leading;
    private final Supplier<Optional<String>> leader;
    private final String self;
    /** Made on first use: only a standby needs it, and building one costs start-up time. */
    private volatile HttpClient http;

    /** The handler the leader runs itself. */
    @FunctionalInterface
    interface Handler {
        Response handle(Request request) throws Exception;
    }

    LeaderProxy(BooleanSupplier leading, Supplier<Optional<String>> leader, String self) {
        this.leading = leading;
        this.self = self;
        this.leader = leader;
    }

    Response answer(Request request, Handler handler) throws Exception {
        if (leading.getAsBoolean()) {
            return handler.handle(request).withHeader("X-Marathon-Leader", "http://" + self);
        }
        Optional<String> target = leader.get().filter(l -> !l.equals(self));
        if (target.isEmpty()) {
            return Response.text(502, "Could not determine the current leader");
        }
        return forward(request, target.get());
    }

    private Response forward(Request r, String target) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + target + r.path() + query(r.query())))
                .timeout(Duration.ofSeconds(30))
                .method(r.method(), r.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        for (String h : List.of("Content-Type", "Accept")) {
            String v = r.header(h);
            if (v != null) {
                b.header(h, v);
            }
        }
        b.header("X-Marathon-Via", "1.1 " + self);
        try {
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            }
            HttpResponse<byte[]> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h : PASSED_BACK) {
                answer.headers().firstValue(h).ifPresent(v -> headers.put(h, v));
            }
            headers.put("X-Marathon-Via", "1.1 " + self);
            byte[] body = answer.body();
            return new Response(answer.statusCode(), headers, body.length == 0 ? null : body);
        } catch (IOException e) {
            return Response.text(502, "Could not reach the current leader " + target + ": " + e.getMessage());
        }
    }

    static String query(Map<String, List<String>> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        query.forEach((k, values) -> values.forEach(v -> j.add(enc(k) + "=" + enc(v))));
        return j.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
