package mesoslab.standin.marathon;

import static mesoslab.standin.marathon.StackHttp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Marathon's constraints on agent attributes (not only {@code hostname}): four agents, one per
 * rack × zone, whose {@code --attributes} reach Marathon only through the master's offers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttributeConstraintsIT {
    private static final String[] ATTRIBUTES = {"rack:r1;zone:a", "rack:r1;zone:b", "rack:r2;zone:a", "rack:r2;zone:b"};
    private final StackHttp http = new StackHttp();
    private SmallStack stack;
    /** agent host → its attributes as "rack/zone". */
    private final Map<String, String> placeOf = new TreeMap<>();
    private String marathon;

    @BeforeAll
    void startStack() throws Exception {
        stack = new SmallStack(ATTRIBUTES);
        stack.attributesOf.forEach((host, a) -> placeOf.put(host, a.replace("rack:", "").replace(";zone:", "/")));
        marathon = stack.marathon;
    }

    @AfterAll
    void stopStack() throws Exception {
        stack.close();
    }

    @AfterEach
    void removeApps() throws Exception {
        for (String id : http.get(marathon, "/v2/apps").path("apps").findValuesAsText("id")) {
            http.send(marathon, "DELETE", "/v2/apps" + id + "?force=true", null);
        }
        await("all tasks gone", () -> http.get(marathon, "/v2/tasks").path("tasks").isEmpty(), 20);
    }

    @Test
    void clusterOnARackKeepsEveryInstanceInThatRack() throws Exception {
        assertThat(place("/in-r1", 4, "[\"rack\", \"CLUSTER\", \"r1\"]", 4)).allMatch(p -> p.startsWith("r1/")).hasSize(4);
    }

    @Test
    void groupByRackSpreadsInstancesEvenlyOverTheRacks() throws Exception {
        List<String> places = place("/spread", 4, "[\"rack\", \"GROUP_BY\", \"2\"]", 4);
        assertThat(places.stream().filter(p -> p.startsWith("r1/"))).hasSize(2);
        assertThat(places.stream().filter(p -> p.startsWith("r2/"))).hasSize(2);
    }

    @Test
    void likeAndUnlikeOnZoneSelectTheMatchingAgents() throws Exception {
        assertThat(place("/zone-a", 3, "[\"zone\", \"LIKE\", \"a\"]", 3)).allMatch(p -> p.endsWith("/a"));
        assertThat(place("/not-zone-a", 3, "[\"zone\", \"UNLIKE\", \"a\"]", 3)).allMatch(p -> p.endsWith("/b"));
    }

    @Test
    void maxPerRackPlacesOnePerRackAndLeavesTheRestWaiting() throws Exception {
        List<String> places = place("/one-per-rack", 3, "[\"rack\", \"MAX_PER\", \"1\"]", 2);
        Thread.sleep(2_500); // several offer rounds (decline 1 s, revive 0.3 s): none may take a third instance
        places = placesOf("/one-per-rack");
        assertThat(places).hasSize(2);
        assertThat(places.stream().map(p -> p.substring(0, 2))).containsExactlyInAnyOrder("r1", "r2");
        assertThat(http.get(marathon, "/v2/deployments")).hasSize(1);
        assertThat(http.get(marathon, "/v2/deployments").get(0).path("affectedApps").get(0).asText()).isEqualTo("/one-per-rack");
    }

    /** Posts a sleep app with one constraint, waits for {@code running} tasks, returns their places. */
    private List<String> place(String id, int instances, String constraint, int running) throws Exception {
        String app = "{\"id\": \"" + id + "\", \"cmd\": \"sleep 600\", \"cpus\": 0.1, \"mem\": 16, \"instances\": " + instances
                + ", \"portDefinitions\": [], \"constraints\": [" + constraint + "]}";
        StackHttp.Reply posted = http.send(marathon, "POST", "/v2/apps", app);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        await(running + " running tasks of " + id, () -> http.get(marathon, "/v2/apps" + id).path("app").path("tasksRunning").asInt() == running, 30);
        return placesOf(id);
    }

    private List<String> placesOf(String id) throws Exception {
        JsonNode tasks = http.get(marathon, "/v2/apps" + id + "/tasks").path("tasks");
        return tasks.findValuesAsText("host").stream().map(placeOf::get).toList();
    }
}
