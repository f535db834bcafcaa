package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import mesoslab.standin.http.Json;

/**
 * The leader's scheduling loop: turns offers into launches, status updates into instance state,
 * and on every {@link #tick()} converges each app to its definition (scale up and down, replace
 * instances of an old config once new ones are ready, kill orphans, retry kills, time out launches)
 * and finishes deployments whose goal is reached. Everything runs under the state's monitor.
 */
final class Scheduler implements MesosDriver.Listener {
    private static final Set<String> TERMINAL = Set.of("TASK_FINISHED", "TASK_FAILED", "TASK_KILLED", "TASK_LOST",
            "TASK_ERROR", "TASK_DROPPED", "TASK_GONE", "TASK_GONE_BY_OPERATOR");
    private static final long UNKNOWN_RECHECK_MILLIS = 3_000;
    private final SchedulerState state;
    private final EventBus events;
    private final SchedulerSettings settings;
    private final OfferMatcher matcher = new OfferMatcher(new Random());
    private volatile MesosDriver driver;
    private long lastReviveMillis;

    Scheduler(SchedulerState state, EventBus events, SchedulerSettings settings) {
        this.state = state;
        this.events = events;
        this.settings = settings;
    }

    void attach(MesosDriver driver) {
        this.driver = driver;
    }

    private void call(ObjectNode call) {
        MesosDriver d = driver;
        if (d != null) {
            d.call(call);
        }
    }

    // ---- Mesos events -------------------------------------------------------------------------

    @Override
    public void subscribed(String frameworkId, String masterEndpoint) {
        synchronized (state) {
            boolean again = frameworkId.equals(state.frameworkIdStored());
            state.frameworkId(frameworkId);
            events.publish(again ? "scheduler_reregistered_event" : "scheduler_registered_event",
                    Json.object().put("frameworkId", frameworkId).put("master", masterEndpoint));
            // Learn what happened to our tasks while nobody (or another leader) was listening.
            if (!state.instances.isEmpty()) {
                call(MesosCalls.reconcile(state.instances.values()));
            }
            lastReviveMillis = 0;
        }
    }

    @Override
    public void disconnected() {
        events.publish("scheduler_disconnected_event", Json.object().put("message", "Mesos master connection lost"));
    }

    @Override
    public void event(JsonNode event) {
        switch (event.path("type").asText()) {
            case "OFFERS" -> event.path("offers").path("offers").forEach(o -> offer(Offer.fromJson(o)));
            case "UPDATE" -> update(event.path("update").path("status"));
            case "ERROR" -> System.err.println("marathon: Mesos error: " + event.path("error").path("message").asText());
            default -> { } // HEARTBEAT, RESCIND (offers are answered at once), MESSAGE, FAILURE
        }
    }

    private void offer(Offer offer) {
        synchronized (state) {
            List<OfferMatcher.Launch> launches = matcher.match(offer, demands(), state.placements(), settings.maxInstancesPerOffer());
            if (launches.isEmpty()) {
                call(MesosCalls.decline(offer.id(), settings.declineOfferMillis() / 1000.0));
                return;
            }
            List<ObjectNode> taskInfos = new ArrayList<>();
            for (OfferMatcher.Launch launch : launches) {
                Instance i = Instance.launch(launch.app(), offer, launch.hostPorts());
                state.putInstance(i);
                taskInfos.add(TaskInfoBuilder.build(launch.app(), i, settings.envPrefix()));
            }
            call(MesosCalls.accept(offer.id(), taskInfos, 1.0));
        }
    }

    private void update(JsonNode status) {
        String taskId = status.path("task_id").path("value").asText();
        String taskState = status.path("state").asText();
        if (status.has("uuid") && status.has("agent_id")) {
            call(MesosCalls.acknowledge(status));
        }
        synchronized (state) {
            Instance i = state.byTask(taskId);
            if (i == null) {
                if (!TERMINAL.contains(taskState) && !"TASK_UNKNOWN".equals(taskState)) {
                    // Not ours (any more): Marathon kills tasks it does not know.
                    ObjectNode kill = Json.object().put("type", "KILL");
                    kill.putObject("kill").set("task_id", status.path("task_id"));
                    call(kill);
                    events.publish("unknown_instance_terminated_event", Json.object().put("instanceId", taskId));
                }
                return;
            }
            if ("TASK_UNKNOWN".equals(taskState) && !unknownConfirmed(i)) {
                return;
            }
            i.unknownSinceMillis = null;
            i.unknownRechecked = false;
            i.state = "TASK_UNKNOWN".equals(taskState) ? "TASK_LOST" : taskState;
            if (i.running() && i.startedAtMillis == null) {
                i.startedAtMillis = System.currentTimeMillis();
            }
            publishStatus(i, status);
            if (TERMINAL.contains(i.state)) {
                terminated(i, status);
            } else {
                state.saveInstance(i);
            }
        }
    }

    /** A first TASK_UNKNOWN may only mean the agent has not re-registered with a new master yet. */
    private boolean unknownConfirmed(Instance i) {
        if (i.unknownSinceMillis == null) {
            i.unknownSinceMillis = System.currentTimeMillis();
            return false;
        }
        return i.unknownRechecked;
    }

    private void terminated(Instance i, JsonNode status) {
        state.removeInstance(i);
        AppSpec app = state.apps.get(i.appId);
        if (!i.killRequested && app != null) {
            state.failed(app);
            ObjectNode failure = Json.object().put("appId", i.appId).put("host", i.host)
                    .put("message", status.path("message").asText("")).put("state", i.state).put("taskId", i.taskId)
                    .put("timestamp", Timestamps.now()).put("version", i.version).put("slaveId", i.agentId);
            state.lastTaskFailures.put(i.appId, failure);
        }
    }

    private void publishStatus(Instance i, JsonNode status) {
        ObjectNode e = Json.object().put("slaveId", i.agentId).put("taskId", i.taskId).put("taskStatus", i.state)
                .put("message", status.path("message").asText("")).put("appId", i.appId).put("host", i.host);
        e.putArray("ipAddresses").addObject().put("ipAddress", i.host).put("protocol", "IPv4");
        i.hostPorts.forEach(e.putArray("ports")::add);
        e.put("version", i.version);
        events.publish("status_update_event", e);
        String condition = i.state.substring(5, 6) + i.state.substring(6).toLowerCase(java.util.Locale.ROOT);
        events.publish("instance_changed_event", Json.object().put("instanceId", i.instanceId).put("condition", condition)
                .put("runSpecId", i.appId).put("agentId", i.agentId).put("host", i.host).put("runSpecVersion", i.version));
    }

    // ---- convergence --------------------------------------------------------------------------

    /** Apps that want more instances now (backoff elapsed), in app id order. */
    List<OfferMatcher.Demand> demands() {
        synchronized (state) {
            List<OfferMatcher.Demand> out = new ArrayList<>();
            for (AppSpec app : state.apps.values()) {
                int need = replacement(app).map(UpgradeStrategy.Step::launchNew).orElse(app.instances() - current(app).size());
                if (need > 0 && state.launchDelayLeftMillis(app.id()) == 0) {
                    out.add(new OfferMatcher.Demand(app, need));
                }
            }
            return out;
        }
    }

    /** Live (not being killed) instances launched under the app's current config. */
    private List<Instance> current(AppSpec app) {
        return state.instancesOf(app.id()).stream()
                .filter(i -> !i.killRequested && i.configVersion.equals(app.configVersion())).toList();
    }

    /**
     * While instances of an older config exist (some perhaps already being killed), the next
     * step of replacing them within the app's upgrade strategy; empty when there is nothing to replace.
     */
    private Optional<UpgradeStrategy.Step> replacement(AppSpec app) {
        List<Instance> all = state.instancesOf(app.id());
        if (all.stream().allMatch(i -> i.configVersion.equals(app.configVersion()))) {
            return Optional.empty();
        }
        List<Instance> current = current(app);
        int ready = (int) current.stream().filter(i -> SchedulerState.ready(app, i)).count();
        return Optional.of(app.upgradeStrategy().step(app.instances(), old(app).size(), current.size(), ready, all.size()));
    }

    /** Live (not being killed) instances launched under an older config of the app, oldest first. */
    private List<Instance> old(AppSpec app) {
        return state.instancesOf(app.id()).stream()
                .filter(i -> !i.killRequested && !i.configVersion.equals(app.configVersion())).toList();
    }

    void tick() {
        synchronized (state) {
            long now = System.currentTimeMillis();
            for (AppSpec app : state.apps.values()) {
                List<Instance> current = current(app);
                // Scale down: the youngest go first (killSelection YOUNGEST_FIRST).
                current.stream().sorted(Comparator.comparingLong((Instance i) -> i.stagedAtMillis).reversed())
                        .limit(Math.max(0, current.size() - app.instances())).forEach(this::kill);
                replacement(app).ifPresent(step -> old(app).stream().limit(step.killOld()).forEach(this::kill));
                if (app.instances() > current.size()) {
                    state.queuedSince.putIfAbsent(app.id(), now);
                } else {
                    state.queuedSince.remove(app.id());
                }
            }
            for (Instance i : new ArrayList<>(state.instances.values())) {
                if (!i.killRequested && !state.apps.containsKey(i.appId)) {
                    kill(i);
                } else if (i.killRequested && now - i.killSentMillis > settings.killRetryMillis()) {
                    kill(i);
                } else if (!i.killRequested && !i.running() && now - i.stagedAtMillis > settings.launchTimeoutMillis()) {
                    System.err.println("marathon: task " + i.taskId + " did not start within the launch timeout; killing it");
                    kill(i);
                }
                if (i.unknownSinceMillis != null && !i.unknownRechecked && now - i.unknownSinceMillis > UNKNOWN_RECHECK_MILLIS) {
                    i.unknownRechecked = true;
                    call(MesosCalls.reconcile(List.of(i)));
                }
            }
            finishDeployments();
            if (!demands().isEmpty() && now - lastReviveMillis >= settings.minReviveMillis()) {
                lastReviveMillis = now;
                call(MesosCalls.revive());
            }
        }
    }

    void kill(Instance i) {
        i.killRequested = true;
        i.killSentMillis = System.currentTimeMillis();
        state.saveInstance(i);
        call(MesosCalls.kill(i));
    }

    private void finishDeployments() {
        for (Deployment d : new ArrayList<>(state.deployments.values())) {
            if (goalReached(d)) {
                state.removeDeployment(d.id());
                events.publish("deployment_step_success", Json.object().<ObjectNode>set("plan", d.plan())
                        .set("currentStep", d.plan().path("steps").get(0)));
                events.publish("deployment_success", Json.object().put("id", d.id()).set("plan", d.plan()));
            }
        }
    }

    private boolean goalReached(Deployment d) {
        List<Instance> all = state.instancesOf(d.appId());
        AppSpec app = state.apps.get(d.appId());
        if ("StopApplication".equals(d.action()) || app == null) {
            return all.isEmpty();
        }
        return all.size() == app.instances() && all.stream().allMatch(i -> !i.killRequested
                && i.configVersion.equals(app.configVersion()) && SchedulerState.ready(app, i));
    }
}
