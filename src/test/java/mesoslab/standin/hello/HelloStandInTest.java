package mesoslab.standin.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloStandInTest {
    private final HttpClient client = HttpClient.newHttpClient();

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersWithTaskIdAndHostOnPort0() throws Exception {
        int port = freePort();
        try (HelloStandIn hello = HelloStandIn.start(new String[0],
                Map.of("PORT0", Integer.toString(port), "MESOS_TASK_ID", "web.abc123", "HOST", "127.0.0.1"))) {
            assertThat(hello.port()).isEqualTo(port);
            assertThat(get(port, "/").body()).contains("web.abc123").contains("127.0.0.1");
            assertThat(get(port, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void portFlagWinsOverPort0() throws Exception {
        int port = freePort();
        try (HelloStandIn hello = HelloStandIn.start(new String[] {"--port", Integer.toString(port)},
                Map.of("PORT0", "1", "HOST", "127.0.0.1"))) {
            assertThat(get(port, "/health").statusCode()).isEqualTo(200);
        }
    }
}
