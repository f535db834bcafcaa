package mesoslab.standin.f5ctlr;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import mesoslab.standin.f5ctlr.config.TlsTrust;
import mesoslab.standin.http.Json;

/** What a person with curl does to a BIG-IP in the tests: Basic auth, plain iControl REST, no controller code. */
final class TestIControl {
    private final URI base;
    private final HttpClient http;
    private final String authorization;

    TestIControl(URI base, String user, String password) throws Exception {
        this.base = base;
        this.http = HttpClient.newBuilder().sslContext(new TlsTrust.Insecure().sslContext()).build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    int send(String method, String tmPath, String singleQuotedJson) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/mgmt/tm/" + tmPath)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, singleQuotedJson == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(singleQuotedJson.replace('\'', '"')));
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    JsonNode get(String tmPath) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/mgmt/tm/" + tmPath))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + tmPath + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }

    /** The objects of a collection in a partition, with sub-collections expanded. */
    List<JsonNode> items(String collection, String partition) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        get(collection + "?$filter=partition+eq+" + partition + "&expandSubcollections=true").path("items").forEach(out::add);
        return out;
    }

    List<String> names(String collection, String partition) throws Exception {
        return items(collection, partition).stream().map(i -> i.path("name").asText()).sorted().toList();
    }

    /** A pool's member names, sorted; an absent pool has none. */
    List<String> members(String partition, String pool) throws Exception {
        for (JsonNode item : items("ltm/pool", partition)) {
            if (item.path("name").asText().equals(pool)) {
                List<String> names = new ArrayList<>();
                item.path("membersReference").path("items").forEach(m -> names.add(m.path("name").asText()));
                return names.stream().sorted().toList();
            }
        }
        return List.of();
    }
}
