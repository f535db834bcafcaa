package mesoslab.standin.marathon;

import static mesoslab.standin.marathon.StackHttp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rolling replacement under {@code upgradeStrategy}, observed from outside: the task states on
 * the SSE stream (replayed in order) give the fewest running tasks at any moment, and polling the
 * task list as well as the stream give the most tasks alive at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeStrategyIT {
    private static final Set<String> TERMINAL = Set.of("TASK_FINISHED", "TASK_FAILED", "TASK_KILLED", "TASK_LOST", "TASK_ERROR",
            "TASK_DROPPED", "TASK_GONE", "TASK_GONE_BY_OPERATOR", "TASK_UNREACHABLE", "TASK_UNKNOWN");
    private final StackHttp http = new StackHttp();
    private SmallStack stack;
    private EventRecorder recorder;

    @BeforeAll
    void startStack() throws Exception {
        stack = new SmallStack("rack:r1", "rack:r2");
        recorder = new EventRecorder(stack.marathon);
        await("the event stream attached", () -> recorder.types().contains("event_stream_attached"), 10);
    }

    @AfterAll
    void stopStack() throws Exception {
        stack.close();
    }

    /** What a replacement looked like: the fewest running and the most alive tasks of the app at any moment. */
    record Observed(int fewestRunning, int mostAlive) {}

    @Test
    void halfHealthNoOverCapacityReplacesTwoAtATimeNeverExceedingFour() throws Exception {
        Observed o = replace("/half", 4, "{\"minimumHealthCapacity\": 0.5, \"maximumOverCapacity\": 0.0}", true);
        assertThat(o.fewestRunning()).isEqualTo(2);
        assertThat(o.mostAlive()).isEqualTo(4);
    }

    @Test
    void fullHealthNoOverCapacityReplacesOneAtATimeWithOneExtra() throws Exception {
        Observed o = replace("/one-extra", 3, "{\"minimumHealthCapacity\": 1.0, \"maximumOverCapacity\": 0.0}", true);
        assertThat(o.fewestRunning()).isEqualTo(3);
        assertThat(o.mostAlive()).isEqualTo(4);
    }

    @Test
    void theDefaultsStartTheNewInstancesBeforeStoppingAnyOldOnRestart() throws Exception {
        Observed o = replace("/defaults", 2, null, false);
        assertThat(o.fewestRunning()).isEqualTo(2);
        assertThat(o.mostAlive()).isGreaterThan(2).isLessThanOrEqualTo(4);
    }

    /**
     * Deploys {@code instances} sleepers with the strategy, then replaces them all, by a PUT with a
     * new cmd ({@code changeCmd}) or by a restart, and waits until only new tasks run.
     */
    private Observed replace(String id, int instances, String strategy, boolean changeCmd) throws Exception {
        String app = "{\"id\": \"" + id + "\", \"cmd\": \"sleep 600\", \"cpus\": 0.1, \"mem\": 16, \"instances\": " + instances
                + ", \"portDefinitions\": []" + (strategy == null ? "" : ", \"upgradeStrategy\": " + strategy) + "}";
        assertThat(http.send(stack.marathon, "POST", "/v2/apps", app).status()).isEqualTo(201);
        await(instances + " running and deployed", () -> running(id) == instances && idle(), 30);
        Set<String> before = Set.copyOf(http.get(stack.marathon, "/v2/apps" + id + "/tasks").path("tasks").findValuesAsText("id"));
        int mark = recorder.events.size();

        AtomicInteger mostListed = new AtomicInteger();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    mostListed.accumulateAndGet(http.get(stack.marathon, "/v2/apps" + id + "/tasks").path("tasks").size(), Math::max);
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception retry) {
                    // a slow answer: take the next sample
                }
            }
        }, "it-task-poller");
        poller.start();
        try {
            StackHttp.Reply change = changeCmd
                    ? http.send(stack.marathon, "PUT", "/v2/apps" + id, "{\"cmd\": \"sleep 601\"}")
                    : http.send(stack.marathon, "POST", "/v2/apps" + id + "/restart", null);
            assertThat(change.status()).as(change.body()).isEqualTo(200);
            await("all replaced and the deployment done", () -> idle() && running(id) == instances && http.get(stack.marathon,
                    "/v2/apps" + id + "/tasks").path("tasks").findValuesAsText("id").stream().noneMatch(before::contains), 60);
        } finally {
            poller.interrupt();
            poller.join();
        }
        Observed fromEvents = replay(id, before, mark);
        http.send(stack.marathon, "DELETE", "/v2/apps" + id + "?force=true", null);
        await("the app's tasks gone", () -> http.get(stack.marathon, "/v2/tasks").path("tasks").isEmpty(), 20);
        Observed o = new Observed(fromEvents.fewestRunning(), Math.max(fromEvents.mostAlive(), mostListed.get()));
        System.out.printf("%s: %d instances, strategy %s: fewest running %d, most alive %d%n", id, instances, strategy, o.fewestRunning(), o.mostAlive());
        return o;
    }

    /** Replays the app's status updates since {@code mark}, starting from the old tasks all running. */
    private Observed replay(String id, Set<String> before, int mark) throws Exception {
        Map<String, String> states = new HashMap<>();
        before.forEach(t -> states.put(t, "TASK_RUNNING"));
        int fewestRunning = before.size();
        int mostAlive = before.size();
        for (EventRecorder.Event e : recorder.events.subList(mark, recorder.events.size())) {
            if (!e.type().equals("status_update_event")) {
                continue;
            }
            JsonNode data = StackHttp.JSON.readTree(e.data());
            if (!data.path("appId").asText().equals(id)) {
                continue;
            }
            String state = data.path("taskStatus").asText();
            if (TERMINAL.contains(state)) {
                states.remove(data.path("taskId").asText());
            } else {
                states.put(data.path("taskId").asText(), state);
            }
            fewestRunning = Math.min(fewestRunning, (int) states.values().stream().filter("TASK_RUNNING"::equals).count());
            mostAlive = Math.max(mostAlive, states.size());
        }
        return new Observed(fewestRunning, mostAlive);
    }

    private int running(String id) throws Exception {
        return http.get(stack.marathon, "/v2/apps" + id).path("app").path("tasksRunning").asInt();
    }

    private boolean idle() throws Exception {
        return http.get(stack.marathon, "/v2/deployments").isEmpty();
    }
}
