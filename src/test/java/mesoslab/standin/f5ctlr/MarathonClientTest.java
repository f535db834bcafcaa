package mesoslab.standin.f5ctlr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mesoslab.standin.f5ctlr.config.TlsTrust;
import mesoslab.standin.f5ctlr.marathon.MarathonClient;
import mesoslab.standin.f5ctlr.marathon.MarathonException;
import mesoslab.standin.f5ctlr.marathon.SseParser;
import mesoslab.standin.http.Response;
import mesoslab.standin.http.StandInHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarathonClientTest {
    private TestMarathonServer leader;
    private StandInHttpServer standby;

    @BeforeEach
    void start() throws Exception {
        leader = new TestMarathonServer();
        leader.serve(Fixtures.only("/f5-hello-world"));
        // A standby without a reachable leader proxy answers 502 for the API and redirects the event stream.
        standby = StandInHttpServer.http(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .get("/v2/apps", r -> Response.text(502, "Could not determine the current leader"))
                .get("/v2/events", r -> Response.redirect(307, leader.url() + "/v2/events")).start();
    }

    @AfterEach
    void stop() {
        standby.close();
        leader.close();
    }

    private MarathonClient client(URI... urls) throws Exception {
        return new MarathonClient(List.of(urls), new TlsTrust.Insecure().sslContext(), Optional.empty(), Duration.ofSeconds(5));
    }

    private URI standbyUrl() {
        return URI.create("http://127.0.0.1:" + standby.port());
    }

    @Test
    void appsAreReadFromTheNextUrlWhenTheFirstDoesNotAnswer200() throws Exception {
        try (MarathonClient client = client(URI.create("http://127.0.0.1:1"), standbyUrl(), leader.url())) {
            assertThat(client.listApps()).extracting(a -> a.id()).containsExactly("/f5-hello-world");
        }
    }

    @Test
    void noUrlAnsweringIsAMarathonExceptionNamingTheLastFailure() throws Exception {
        try (MarathonClient client = client(standbyUrl())) {
            assertThatThrownBy(client::listApps).isInstanceOf(MarathonException.class).hasMessageContaining("502");
        }
    }

    @Test
    void theEventStreamFollowsAStandbysRedirectToTheLeader() throws Exception {
        List<String> events = new ArrayList<>();
        try (MarathonClient client = client(standbyUrl())) {
            client.streamEvents(client.nextEventUrl(), Duration.ofSeconds(5), m -> {
                events.add(m.event());
                return false; // one message is enough
            });
        }
        assertThat(events).containsExactly("event_stream_attached");
    }

    @Test
    void aSilentStreamIsDroppedAfterTheSseTimeout() throws Exception {
        try (MarathonClient client = client(leader.url())) {
            long start = System.nanoTime();
            List<SseParser.Message> seen = new ArrayList<>();
            assertThatThrownBy(() -> client.streamEvents(leader.url(), Duration.ofSeconds(1), seen::add))
                    .isInstanceOf(MarathonException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(seen).hasSize(1);
        }
    }
}
