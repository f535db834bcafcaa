package mesoslab.standin.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The leader's world: apps, instances, running deployments, launch backoffs and last failures,
 * kept in memory and mirrored to ZooKeeper ({@link StateStore}). Not thread-safe by itself:
 * every access holds this object's monitor.
 */
final class SchedulerState {
    final Map<String, AppSpec> apps = new TreeMap<>();
    final Map<String, Instance> instances = new LinkedHashMap<>();
    /** Running deployments; change them only through {@link #addDeployment} and {@link #removeDeployment} (they persist). */
    final Map<String, Deployment> deployments = new LinkedHashMap<>();
    /** app id → consecutive launch failures and the earliest next launch. */
    final Map<String, Backoff> backoffs = new HashMap<>();
    final Map<String, ObjectNode> lastTaskFailures = new HashMap<>();
    /** app id → when it started waiting for offers ({@code /v2/queue} "since"). */
    final Map<String, Long> queuedSince = new HashMap<>();
    private final StateStore store;

    /** Launch delay after failures: backoffSeconds × backoffFactor^(failures-1), capped. */
    record Backoff(int failures, long notBeforeMillis) {}

    SchedulerState(StateStore store) {
        this.store = store;
    }

    /** Loads apps, instances and unfinished deployments a previous leader stored. */
    synchronized void load() {
        apps.clear();
        instances.clear();
        deployments.clear();
        for (Map.Entry<String, JsonNode> e : store.apps().entrySet()) {
            try {
                JsonNode def = e.getValue();
                AppSpec app = AppJsonReader.read(def, null);
                JsonNode info = def.path("versionInfo");
                apps.put(app.id(), app.withVersions(def.path("version").asText(), info.path("lastConfigChangeAt").asText(),
                        info.path("lastScalingAt").asText()));
            } catch (AppValidationException broken) {
                System.err.println("marathon: stored app " + e.getKey() + " is not readable, skipped: " + broken.getMessage());
            }
        }
        for (JsonNode stored : store.instances().values()) {
            AppSpec app = apps.get(stored.path("appId").asText());
            Instance i = Instance.fromStored(stored, app == null ? 0 : app.healthChecks().size());
            instances.put(i.instanceId, i);
        }
        // The goal of a deployment is the stored app (or its absence): the new leader simply keeps converging to it.
        for (JsonNode stored : store.deployments().values()) {
            Deployment d = Deployment.fromStored(stored);
            deployments.put(d.id(), d);
        }
    }

    synchronized void addDeployment(Deployment d) {
        deployments.put(d.id(), d);
        store.putDeployment(d);
    }

    /** Ends a deployment (finished or cancelled); null if there is none with that id. */
    synchronized Deployment removeDeployment(String deploymentId) {
        Deployment d = deployments.remove(deploymentId);
        if (d != null) {
            store.deleteDeployment(deploymentId);
        }
        return d;
    }

    synchronized void putApp(AppSpec app) {
        apps.put(app.id(), app);
        store.putApp(app.id(), app.definition());
    }

    synchronized void removeApp(String appId) {
        apps.remove(appId);
        backoffs.remove(appId);
        queuedSince.remove(appId);
        store.deleteApp(appId);
    }

    synchronized void putInstance(Instance i) {
        instances.put(i.instanceId, i);
        store.putInstance(i);
    }

    /** Persists a changed instance (state, kill flag). */
    synchronized void saveInstance(Instance i) {
        if (instances.containsKey(i.instanceId)) {
            store.putInstance(i);
        }
    }

    synchronized void removeInstance(Instance i) {
        instances.remove(i.instanceId);
        store.deleteInstance(i.instanceId);
    }

    synchronized Instance byTask(String taskId) {
        return instances.values().stream().filter(i -> i.taskId.equals(taskId)).findFirst().orElse(null);
    }

    synchronized List<Instance> instancesOf(String appId) {
        List<Instance> out = new ArrayList<>();
        instances.values().stream().filter(i -> i.appId.equals(appId)).forEach(out::add);
        out.sort(Comparator.comparingLong(i -> i.stagedAtMillis));
        return out;
    }

    synchronized List<Deployment> deploymentsOf(String appId) {
        return deployments.values().stream().filter(d -> d.appId().equals(appId)).toList();
    }

    /** Service ports in use by apps other than {@code exceptApp}. */
    synchronized Map<Integer, String> servicePortOwners(String exceptApp) {
        Map<Integer, String> owners = new HashMap<>();
        apps.values().stream().filter(a -> !a.id().equals(exceptApp))
                .forEach(a -> a.ports().forEach(p -> owners.put(p.servicePort(), a.id())));
        return owners;
    }

    /** Where each app's non-terminal instances run, for constraint checks. */
    synchronized Map<String, List<OfferMatcher.Placed>> placements() {
        Map<String, List<OfferMatcher.Placed>> out = new HashMap<>();
        for (Instance i : instances.values()) {
            if (!i.killRequested) {
                out.computeIfAbsent(i.appId, k -> new ArrayList<>())
                        .add(new OfferMatcher.Placed(i.host, i.attributes));
            }
        }
        return out;
    }

    /** Records a launch failure and when the app may launch again. */
    synchronized void failed(AppSpec app) {
        int failures = backoffs.getOrDefault(app.id(), new Backoff(0, 0)).failures() + 1;
        double delay = Math.min(app.backoffSeconds() * Math.pow(app.backoffFactor(), failures - 1), app.maxLaunchDelaySeconds());
        backoffs.put(app.id(), new Backoff(failures, System.currentTimeMillis() + (long) (delay * 1000)));
    }

    synchronized long launchDelayLeftMillis(String appId) {
        Backoff b = backoffs.get(appId);
        return b == null ? 0 : Math.max(0, b.notBeforeMillis() - System.currentTimeMillis());
    }

    /** An instance is ready when running and, if the app has health checks, healthy. */
    static boolean ready(AppSpec app, Instance i) {
        return i.running() && (app.healthChecks().isEmpty() || i.healthy());
    }

    synchronized String frameworkIdStored() {
        return store.frameworkId().orElse(null);
    }

    synchronized void frameworkId(String id) {
        store.frameworkId(id);
    }
}
