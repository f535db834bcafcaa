package mesoslab.standin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StandInHttpServerTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private StandInHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = StandInHttpServer.http(new InetSocketAddress("127.0.0.1", 0))
                .get("/v2/apps/{id}", r -> Response.text(200, "app " + r.pathParam("id") + " embed=" + r.queryParam("embed", "-")))
                .get("/files/{rest...}", r -> Response.text(200, "rest=" + r.pathParam("rest")))
                .post("/fail", r -> {
                    throw new HttpError(409, "conflict here");
                })
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void capturesPathParamsAndQuery() throws Exception {
        assertThat(send("GET", "/v2/apps/web?embed=apps.tasks").body()).isEqualTo("app web embed=apps.tasks");
        assertThat(send("GET", "/files/a/b/c").body()).isEqualTo("rest=a/b/c");
    }

    @Test
    void answers404ForUnknownPathAnd405ForWrongMethod() throws Exception {
        assertThat(send("GET", "/nowhere").statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/v2/apps/web").statusCode()).isEqualTo(405);
    }

    @Test
    void turnsHttpErrorIntoItsStatusAndLogsEveryRequest() throws Exception {
        HttpResponse<String> failed = send("POST", "/fail");
        assertThat(failed.statusCode()).isEqualTo(409);
        assertThat(failed.body()).isEqualTo("conflict here");
        send("GET", "/v2/apps/x?embed=1");
        assertThat(server.requestLog()).containsExactly("POST /fail 409", "GET /v2/apps/x?embed=1 200");
    }
}
