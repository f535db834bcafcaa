package mesoslab.standin.mesos.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import mesoslab.standin.http.Json;
import mesoslab.standin.mesos.common.Attributes;
import mesoslab.standin.mesos.common.JsonHttpClient;
import mesoslab.standin.mesos.common.Resources;

/**
 * The leading master's in-memory world: agents, frameworks, tasks and outstanding offers, plus
 * the allocator (one offer per agent at a time, declines honoured per framework and agent).
 * Every method is synchronized: the stand-in's scale is a handful of agents and tasks.
 */
final class MasterState {
    private static final long DEFAULT_REFUSE_MILLIS = 5_000;
    private static final long AGENT_TIMEOUT_MILLIS = 5_000;

    final String masterId;
    final Map<String, AgentRecord> agents = new LinkedHashMap<>();
    final Map<String, FrameworkRecord> frameworks = new LinkedHashMap<>();
    final Map<String, TaskRecord> tasks = new LinkedHashMap<>();
    final Map<String, Offer> offers = new LinkedHashMap<>();
    private final AtomicLong agentSeq = new AtomicLong();
    private final AtomicLong frameworkSeq = new AtomicLong();
    private final AtomicLong offerSeq = new AtomicLong();
    private final JsonHttpClient http = new JsonHttpClient();

    /** An outstanding offer. */
    record Offer(String id, String frameworkId, String agentId, Resources resources) {}

    MasterState(String masterId) {
        this.masterId = masterId;
    }

    // ---- agents -------------------------------------------------------------------------------

    /** Registers or re-registers (keeping the id and the reported tasks); also serves as the ping. */
    synchronized String registerAgent(JsonNode msg) {
        String id = msg.path("agent_id").asText("");
        AgentRecord known = agents.get(id);
        if (known != null) {
            known.lastPingMillis = System.currentTimeMillis();
            if (!known.active) {
                known.active = true;
            }
            return id;
        }
        if (id.isEmpty()) {
            id = masterId + "-S" + agentSeq.getAndIncrement();
        }
        AgentRecord agent = new AgentRecord(id, msg.path("hostname").asText(), msg.path("ip").asText(),
                msg.path("port").asInt(), Resources.parse(msg.path("resources").asText("")), Attributes.parse(msg.path("attributes").asText("")));
        agents.put(id, agent);
        for (JsonNode t : msg.path("tasks")) {
            String frameworkId = t.path("framework_id").asText();
            frameworks.computeIfAbsent(frameworkId, f -> new FrameworkRecord(f, null));
            TaskRecord task = new TaskRecord(frameworkId, id, t.path("task"));
            task.state = t.path("state").asText();
            t.path("statuses").forEach(task.statuses::add);
            tasks.put(task.id, task);
            if (!task.terminal()) {
                agent.used = agent.used.plus(task.resources);
            }
        }
        allocate();
        return id;
    }

    /** Marks agents that stopped pinging inactive and takes back their offers. */
    synchronized void expireAgents() {
        long now = System.currentTimeMillis();
        for (AgentRecord agent : agents.values()) {
            if (agent.active && now - agent.lastPingMillis > AGENT_TIMEOUT_MILLIS) {
                agent.active = false;
                rescindOffersOf(agent.id);
            }
        }
    }

    private void rescindOffersOf(String agentId) {
        for (Offer offer : new ArrayList<>(offers.values())) {
            if (offer.agentId().equals(agentId)) {
                removeOffer(offer.id());
                send(offer.frameworkId(), Events.rescind(offer.id()));
            }
        }
    }

    // ---- frameworks ---------------------------------------------------------------------------

    synchronized FrameworkRecord subscribe(JsonNode frameworkInfo, EventStream stream, String streamId) {
        String id = frameworkInfo.path("id").path("value").asText("");
        if (id.isEmpty()) {
            id = String.format("%s-%04d", masterId, frameworkSeq.getAndIncrement());
        }
        FrameworkRecord framework = frameworks.computeIfAbsent(id, f -> new FrameworkRecord(f, null));
        if (framework.stream != null && framework.stream.open()) {
            framework.stream.send(Events.error("Framework failed over"));
            framework.stream.close();
        }
        ObjectNode info = frameworkInfo.deepCopy();
        info.set("id", Events.id(id));
        framework.info = info;
        framework.stream = stream;
        framework.streamId = streamId;
        framework.suppressed = false;
        return framework;
    }

    synchronized FrameworkRecord framework(String id) {
        return frameworks.get(id);
    }

    synchronized void teardown(FrameworkRecord framework) {
        for (TaskRecord task : tasks.values()) {
            if (task.frameworkId.equals(framework.id) && !task.terminal()) {
                killOnAgent(task);
            }
        }
        for (Offer offer : new ArrayList<>(offers.values())) {
            if (offer.frameworkId().equals(framework.id)) {
                removeOffer(offer.id());
            }
        }
        if (framework.stream != null) {
            framework.stream.close();
        }
        frameworks.remove(framework.id);
    }

    synchronized void send(String frameworkId, JsonNode event) {
        FrameworkRecord framework = frameworks.get(frameworkId);
        if (framework != null && framework.connected()) {
            framework.stream.send(event);
        }
    }

    synchronized void heartbeat() {
        frameworks.values().stream().filter(FrameworkRecord::connected).forEach(f -> f.stream.send(Events.heartbeat()));
    }

    /** Leadership lost: schedulers must re-subscribe to the new leader, as with a real failover. */
    synchronized void disconnectAll() {
        frameworks.values().forEach(f -> {
            if (f.stream != null) {
                f.stream.close();
            }
        });
    }

    // ---- offers -------------------------------------------------------------------------------

    synchronized void allocate() {
        long now = System.currentTimeMillis();
        for (AgentRecord agent : agents.values()) {
            boolean outstanding = offers.values().stream().anyMatch(o -> o.agentId().equals(agent.id));
            Resources available = agent.available();
            if (!agent.active || outstanding || available.isEmpty()) {
                continue;
            }
            for (FrameworkRecord framework : frameworks.values()) {
                if (!framework.connected() || framework.suppressed || framework.filters.getOrDefault(agent.id, 0L) > now) {
                    continue;
                }
                Offer offer = new Offer(masterId + "-O" + offerSeq.getAndIncrement(), framework.id, agent.id, available);
                offers.put(offer.id(), offer);
                agent.offered = agent.offered.plus(available);
                ObjectNode json = Json.object();
                json.set("id", Events.id(offer.id()));
                json.set("framework_id", Events.id(framework.id));
                json.set("agent_id", Events.id(agent.id));
                json.put("hostname", agent.hostname);
                json.set("resources", available.toV1());
                json.set("attributes", agent.attributes.toV1());
                json.putObject("allocation_info").put("role", "*");
                framework.stream.send(Events.offers(json));
                break;
            }
        }
    }

    synchronized Offer removeOffer(String offerId) {
        Offer offer = offers.remove(offerId);
        if (offer != null) {
            AgentRecord agent = agents.get(offer.agentId());
            agent.offered = agent.offered.minus(offer.resources());
        }
        return offer;
    }

    synchronized void decline(FrameworkRecord framework, JsonNode offerIds, JsonNode filters) {
        for (JsonNode id : offerIds) {
            Offer offer = removeOffer(id.path("value").asText());
            if (offer != null && offer.frameworkId().equals(framework.id)) {
                framework.filters.put(offer.agentId(), System.currentTimeMillis() + refuseMillis(filters));
            }
        }
    }

    static long refuseMillis(JsonNode filters) {
        JsonNode refuse = filters == null ? null : filters.get("refuse_seconds");
        return refuse == null ? DEFAULT_REFUSE_MILLIS : (long) (refuse.asDouble() * 1000);
    }

    synchronized void revive(FrameworkRecord framework) {
        framework.filters.clear();
        framework.suppressed = false;
        allocate();
    }

    synchronized void suppress(FrameworkRecord framework) {
        framework.suppressed = true;
    }

    // ---- tasks --------------------------------------------------------------------------------

    /** Records a launched task as staging, charges its resources and hands it to the agent. */
    synchronized void launch(FrameworkRecord framework, AgentRecord agent, JsonNode taskInfo) {
        ObjectNode info = taskInfo.deepCopy();
        info.set("agent_id", Events.id(agent.id));
        TaskRecord task = new TaskRecord(framework.id, agent.id, info);
        tasks.put(task.id, task);
        agent.used = agent.used.plus(task.resources);
        ObjectNode msg = Json.object().put("framework_id", framework.id).put("agent_id", agent.id);
        msg.set("task", info);
        background(() -> {
            try {
                JsonHttpClient.Reply reply = http.post(agent.endpoint(), AgentChannel.LAUNCH, msg);
                if (reply.status() != 200) {
                    throw new java.io.IOException("agent answered " + reply.status());
                }
            } catch (Exception e) {
                statusUpdate(agent.id, framework.id, Events.status(task.id, agent.id,
                        framework.partitionAware() ? "TASK_DROPPED" : "TASK_LOST", "SOURCE_MASTER",
                        "REASON_AGENT_DISCONNECTED", "agent " + agent.id + " unreachable: " + e.getMessage(), true));
            }
        });
    }

    synchronized void kill(FrameworkRecord framework, String taskId) {
        TaskRecord task = tasks.get(taskId);
        if (task == null || !task.frameworkId.equals(framework.id)) {
            send(framework.id, Events.update(Events.status(taskId, null,
                    framework.partitionAware() ? "TASK_UNKNOWN" : "TASK_LOST", "SOURCE_MASTER",
                    "REASON_RECONCILIATION", "Attempted to kill an unknown task", false)));
            return;
        }
        killOnAgent(task);
    }

    private void killOnAgent(TaskRecord task) {
        AgentRecord agent = agents.get(task.agentId);
        ObjectNode msg = Json.object().put("task_id", task.id).put("framework_id", task.frameworkId);
        background(() -> {
            try {
                http.post(agent.endpoint(), AgentChannel.KILL, msg);
            } catch (Exception e) {
                System.err.println("mesos-master: kill of " + task.id + " not delivered: " + e.getMessage());
            }
        });
    }

    /** A status from an agent (or the master itself): record it, free resources if terminal, forward it. */
    synchronized void statusUpdate(String agentId, String frameworkId, JsonNode status) {
        String taskId = status.path("task_id").path("value").asText();
        TaskRecord task = tasks.get(taskId);
        if (task != null) {
            boolean wasTerminal = task.terminal();
            task.state = status.path("state").asText();
            ObjectNode entry = Json.object().put("state", task.state).put("timestamp", status.path("timestamp").asDouble());
            task.statuses.add(entry);
            if (task.terminal() && !wasTerminal) {
                AgentRecord agent = agents.get(agentId);
                if (agent != null) {
                    agent.used = agent.used.minus(task.resources);
                }
            }
        }
        send(frameworkId, Events.update(status));
        allocate();
    }

    synchronized void reconcile(FrameworkRecord framework, JsonNode requested) {
        List<String> ids = new ArrayList<>();
        requested.forEach(t -> ids.add(t.path("task_id").path("value").asText()));
        if (ids.isEmpty()) {
            tasks.values().stream().filter(t -> t.frameworkId.equals(framework.id) && !t.terminal()).forEach(t -> ids.add(t.id));
        }
        for (String id : ids) {
            TaskRecord task = tasks.get(id);
            String state = task != null ? task.state : framework.partitionAware() ? "TASK_UNKNOWN" : "TASK_LOST";
            send(framework.id, Events.update(Events.status(id, task == null ? null : task.agentId, state,
                    "SOURCE_MASTER", "REASON_RECONCILIATION", "Reconciliation", false)));
        }
    }

    /** Agent calls leave the lock-holding thread: an unreachable agent must not stall the master. */
    private static void background(Runnable work) {
        Thread thread = new Thread(work, "mesos-master-agent-call");
        thread.setDaemon(true);
        thread.start();
    }
}
