package mesoslab.standin.mesos.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import mesoslab.standin.http.Json;
import mesoslab.standin.mesos.common.JsonHttpClient;
import mesoslab.standin.mesos.common.MasterDetector;
import mesoslab.standin.mesos.common.ZkUrl;
import mesoslab.standin.mesos.master.AgentChannel;
import org.apache.zookeeper.ZooKeeper;

/**
 * The agent's side of the stand-in agent channel: finds the leading master (ZooKeeper
 * {@code json.info_} group or a fixed host:port), (re-)registers with its tasks every tick, and
 * delivers status updates in order, keeping them queued while no leader answers.
 */
final class MasterLink implements AutoCloseable {
    private final String masterFlag;
    /** Connected on the first tick (the link's thread), so that loading the client does not delay the agent's HTTP start. */
    private ZooKeeper zk;
    private final ZkUrl zkUrl;
    private final JsonHttpClient http = new JsonHttpClient();
    private final ConcurrentLinkedQueue<ObjectNode> pending = new ConcurrentLinkedQueue<>();
    private volatile String agentId = "";
    private volatile String masterEndpoint;

    MasterLink(String masterFlag) {
        this.masterFlag = masterFlag;
        zkUrl = masterFlag.startsWith("zk://") ? ZkUrl.parse(masterFlag) : null;
    }

    String agentId() {
        return agentId;
    }

    /** host:port of the master this agent is registered with, or null. */
    String masterEndpoint() {
        return masterEndpoint;
    }

    void queueStatus(ObjectNode status) {
        pending.add(status);
    }

    /** One registration/ping round, then a flush of queued status updates. */
    void tick(Supplier<ObjectNode> registration) throws InterruptedException {
        Optional<String> leader = findLeader();
        if (leader.isEmpty()) {
            masterEndpoint = null;
            return;
        }
        try {
            ObjectNode msg = registration.get();
            msg.put("agent_id", agentId);
            JsonHttpClient.Reply reply = http.post(leader.get(), AgentChannel.REGISTER, msg);
            if (reply.status() == 307 && reply.location() != null && reply.location().startsWith("//")) {
                // --master=host:port named a non-leading master: follow its redirect like Mesos' detector would.
                String target = reply.location().substring(2);
                leader = Optional.of(target.contains("/") ? target.substring(0, target.indexOf('/')) : target);
                reply = http.post(leader.get(), AgentChannel.REGISTER, msg);
            }
            if (reply.status() != 200 || reply.body() == null) {
                masterEndpoint = null;
                return;
            }
            agentId = reply.body().path("agent_id").asText();
            masterEndpoint = leader.get();
            for (ObjectNode status = pending.peek(); status != null; status = pending.peek()) {
                status.put("agent_id", agentId);
                status.with("status").set("agent_id", Json.object().put("value", agentId));
                if (http.post(leader.get(), AgentChannel.STATUS, status).status() != 200) {
                    return;
                }
                pending.poll();
            }
        } catch (IOException e) {
            masterEndpoint = null;
        }
    }

    private Optional<String> findLeader() throws InterruptedException {
        if (zkUrl == null) {
            return Optional.of(masterFlag.replaceFirst("^https?://", ""));
        }
        return MasterDetector.leader(zk(), zkUrl.path()).map(m -> m.ip() + ":" + m.port());
    }

    private synchronized ZooKeeper zk() {
        if (zk == null) {
            try {
                zk = new ZooKeeper(zkUrl.connectString(), 10_000, event -> { });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a ZooKeeper client for " + zkUrl.connectString(), e);
            }
        }
        return zk;
    }

    static ArrayNode taskList(Iterable<RunningTask> tasks) {
        ArrayNode out = Json.array();
        for (RunningTask t : tasks) {
            ObjectNode o = out.addObject().put("framework_id", t.frameworkId).put("state", t.state);
            o.set("statuses", t.statuses);
            o.set("task", t.info);
        }
        return out;
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (zk != null) {
            zk.close();
        }
    }

}
