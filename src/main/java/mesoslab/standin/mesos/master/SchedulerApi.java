package mesoslab.standin.mesos.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import mesoslab.standin.http.Json;
import mesoslab.standin.mesos.common.MasterInfo;
import mesoslab.standin.mesos.common.Resources;

/**
 * {@code POST /api/v1/scheduler} in its JSON form: SUBSCRIBE opens a RecordIO event stream
 * (header {@code Mesos-Stream-Id}); every other call answers 202 and must carry that header.
 */
final class SchedulerApi {
    private final MesosMasterStandIn master;

    SchedulerApi(MesosMasterStandIn master) {
        this.master = master;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "Expecting 'POST', received '" + exchange.getRequestMethod() + "'");
                return;
            }
            if (!master.leading()) {
                var leader = master.leader();
                if (leader.isEmpty()) {
                    reply(exchange, 503, "No leader elected");
                } else {
                    exchange.getResponseHeaders().set("Location", "//" + leader.get().endpoint() + "/api/v1/scheduler");
                    exchange.sendResponseHeaders(307, -1);
                }
                return;
            }
            JsonNode call;
            try {
                call = Json.MAPPER.readTree(exchange.getRequestBody());
            } catch (IOException e) {
                reply(exchange, 400, "Failed to parse body into Call: " + e.getMessage());
                return;
            }
            String type = call.path("type").asText();
            if ("SUBSCRIBE".equals(type)) {
                subscribe(exchange, call);
                return;
            }
            MasterState state = master.state();
            FrameworkRecord framework = state.framework(call.path("framework_id").path("value").asText());
            if (framework == null || !framework.connected()) {
                reply(exchange, 403, "Framework is not subscribed");
                return;
            }
            String streamId = exchange.getRequestHeaders().getFirst("Mesos-Stream-Id");
            if (!framework.streamId.equals(streamId)) {
                reply(exchange, 400, "The stream ID '" + streamId + "' included in this request didn't match the stream ID currently associated with framework ID " + framework.id);
                return;
            }
            String error = dispatch(state, framework, type, call);
            if (error != null) {
                reply(exchange, 400, error);
            } else {
                exchange.sendResponseHeaders(202, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String dispatch(MasterState state, FrameworkRecord framework, String type, JsonNode call) {
        switch (type) {
            case "ACCEPT" -> accept(state, framework, call.path("accept"));
            case "DECLINE" -> state.decline(framework, call.path("decline").path("offer_ids"), call.path("decline").get("filters"));
            case "KILL" -> state.kill(framework, call.path("kill").path("task_id").path("value").asText());
            case "ACKNOWLEDGE" -> { } // Updates are sent once; an acknowledgement has nothing left to stop.
            case "RECONCILE" -> state.reconcile(framework, call.path("reconcile").path("tasks"));
            case "REVIVE" -> state.revive(framework);
            case "SUPPRESS" -> state.suppress(framework);
            case "TEARDOWN" -> state.teardown(framework);
            case "MESSAGE", "REQUEST", "SHUTDOWN", "ACCEPT_INVERSE_OFFERS", "DECLINE_INVERSE_OFFERS" -> { }
            default -> {
                return "Unknown or missing call type '" + type + "'";
            }
        }
        return null;
    }

    private void accept(MasterState state, FrameworkRecord framework, JsonNode accept) {
        synchronized (state) {
            Resources offered = Resources.EMPTY;
            AgentRecord agent = null;
            boolean valid = accept.path("offer_ids").size() > 0;
            for (JsonNode id : accept.path("offer_ids")) {
                MasterState.Offer offer = state.removeOffer(id.path("value").asText());
                if (offer == null || !offer.frameworkId().equals(framework.id)
                        || agent != null && !agent.id.equals(offer.agentId())) {
                    valid = false;
                    continue;
                }
                agent = state.agents.get(offer.agentId());
                offered = offered.plus(offer.resources());
            }
            for (JsonNode op : accept.path("operations")) {
                if (!"LAUNCH".equals(op.path("type").asText())) {
                    continue;
                }
                for (JsonNode task : op.path("launch").path("task_infos")) {
                    String taskId = task.path("task_id").path("value").asText();
                    Resources wanted = Resources.fromV1(task.path("resources"));
                    if (!valid || agent == null) {
                        state.send(framework.id, Events.update(Events.status(taskId, null,
                                framework.partitionAware() ? "TASK_DROPPED" : "TASK_LOST", "SOURCE_MASTER",
                                "REASON_INVALID_OFFERS", "Task launched with invalid offers", true)));
                    } else if (!offered.contains(wanted)) {
                        state.send(framework.id, Events.update(Events.status(taskId, agent.id, "TASK_ERROR",
                                "SOURCE_MASTER", "REASON_TASK_INVALID",
                                "Task uses more resources " + wanted + " than available " + offered, true)));
                    } else {
                        offered = offered.minus(wanted);
                        state.launch(framework, agent, task);
                    }
                }
            }
            if (agent != null) {
                framework.filters.put(agent.id, System.currentTimeMillis() + MasterState.refuseMillis(accept.get("filters")));
            }
            state.allocate();
        }
    }

    private void subscribe(HttpExchange exchange, JsonNode call) throws IOException, InterruptedException {
        JsonNode info = call.path("subscribe").path("framework_info");
        if (!info.has("id") && call.has("framework_id") && info.isObject()) {
            // A re-subscribing scheduler names its id in Call.framework_id (which must match framework_info.id).
            ((com.fasterxml.jackson.databind.node.ObjectNode) info).set("id", call.get("framework_id"));
        }
        if (info.path("user").asText().isEmpty() || info.path("name").asText().isEmpty()) {
            reply(exchange, 400, "Failed to validate scheduler::Call: framework_info.user and framework_info.name are required");
            return;
        }
        String streamId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Mesos-Stream-Id", streamId);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        EventStream stream = new EventStream(out);
        MasterState state = master.state();
        MasterInfo self = master.self();
        synchronized (state) {
            FrameworkRecord framework = state.subscribe(info, stream, streamId);
            stream.send(Events.subscribed(framework.id, MesosMasterStandIn.HEARTBEAT_SECONDS, self.toJson()));
            state.allocate();
        }
        stream.awaitClose();
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
