package mesoslab.standin.f5ctlr.marathon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import mesoslab.standin.f5ctlr.config.Password;
import mesoslab.standin.http.Json;

/**
 * Marathon as the controller uses it. {@link #listApps()} asks each configured URL in turn for
 * {@code GET /v2/apps?embed=apps.tasks} until one answers 200 (a standby Marathon proxies to the
 * leader); {@link #streamEvents} reads {@code /v2/events}, which a standby answers with a redirect
 * to the leader, followed here. The event stream cycles through the URLs on each reconnect.
 */
public final class MarathonClient implements AutoCloseable {
    private final List<URI> urls;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "f5ctlr-sse-watchdog");
        t.setDaemon(true);
        return t;
    });
    private int next;

    public MarathonClient(List<URI> urls, SSLContext tls, Optional<Password> basicAuth, Duration timeout) {
        this.urls = List.copyOf(urls);
        this.timeout = timeout;
        this.authorization = basicAuth.map(p -> "Basic " + Base64.getEncoder().encodeToString(p.reveal().getBytes(StandardCharsets.UTF_8)));
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public List<MarathonApp> listApps() throws MarathonException {
        MarathonException last = null;
        for (URI url : urls) {
            URI uri = URI.create(url + "/v2/apps?embed=apps.tasks");
            try {
                HttpResponse<byte[]> response = http.send(request(uri).header("Accept", "application/json")
                        .header("Content-Type", "application/json").timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    return AppsParser.parse(Json.MAPPER.readTree(response.body()));
                }
                last = new MarathonException("GET " + uri + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                last = new MarathonException("Could not connect to Marathon at " + url + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MarathonException("interrupted while reading " + uri, e);
            }
        }
        throw last;
    }

    /** The Marathon to read events from next: the configured URLs in turn. */
    public synchronized URI nextEventUrl() {
        URI url = urls.get(next % urls.size());
        next++;
        return url;
    }

    /**
     * Reads the event stream of {@code url} until it ends or {@code onMessage} answers false (to
     * reconnect), calling it per message (keep-alives included). When nothing at all arrives for {@code readTimeout}
     * ({@code F5_CC_SSE_TIMEOUT}) the connection is dropped and this throws, so the caller reconnects.
     */
    public void streamEvents(URI url, Duration readTimeout, Predicate<SseParser.Message> onMessage) throws MarathonException {
        URI uri = URI.create(url + "/v2/events");
        HttpResponse<InputStream> response;
        try {
            response = http.send(request(uri).header("Accept", "text/event-stream").timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new MarathonException("Could not connect to Marathon event stream " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarathonException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            closeQuietly(response.body());
            throw new MarathonException("GET " + uri + " answered " + response.statusCode());
        }
        AtomicLong lastRead = new AtomicLong(System.nanoTime());
        InputStream body = response.body();
        var check = watchdog.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastRead.get() > readTimeout.toNanos()) {
                closeQuietly(body);
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        SseParser parser = new SseParser();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lastRead.set(System.nanoTime());
                java.util.Optional<SseParser.Message> message = parser.feed(line);
                if (message.isPresent() && !onMessage.test(message.get())) {
                    return;
                }
            }
            if (System.nanoTime() - lastRead.get() > readTimeout.toNanos()) {
                throw new MarathonException("no event or keep-alive from " + uri + " for " + readTimeout.toSeconds() + " s");
            }
        } catch (IOException e) {
            throw new MarathonException("event stream " + uri + " broke: " + e, e);
        } finally {
            check.cancel(false);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        authorization.ifPresent(a -> builder.header("Authorization", a));
        return builder;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing is how the watchdog interrupts a blocked read; nothing else to do
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
