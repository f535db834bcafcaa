package mesoslab.standin.marathon;

import static mesoslab.standin.marathon.StackHttp.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import mesoslab.standin.mesos.EmbeddedZooKeeper;
import mesoslab.standin.mesos.agent.MesosAgentStandIn;
import mesoslab.standin.mesos.master.MesosMasterStandIn;

/**
 * The smallest whole stack for scheduling tests, all in this JVM: a standalone ZooKeeper, one
 * master, one agent per entry of {@code agentAttributes} (each on its own 127.82.x.y address),
 * one leading Marathon that declines and revives quickly.
 */
final class SmallStack implements AutoCloseable {
    private final List<AutoCloseable> parts = new ArrayList<>();
    /** agent host → the {@code --attributes} it was started with. */
    final Map<String, String> attributesOf = new LinkedHashMap<>();
    final String marathon;

    SmallStack(String... agentAttributes) throws Exception {
        Path tmp = Files.createTempDirectory("small-stack");
        try {
            EmbeddedZooKeeper zk = EmbeddedZooKeeper.standalone(tmp.resolve("zk"));
            parts.add(zk);
            String mesosZk = "zk://" + zk.connectString() + "/mesos";
            parts.add(MesosMasterStandIn.start(new String[] {"--zk=" + mesosZk, "--ip=127.0.0.1", "--port=0", "--quorum=1",
                "--work_dir=" + tmp.resolve("m")}, Map.of()));
            String block = "127.82." + ThreadLocalRandom.current().nextInt(1, 250) + ".";
            for (int i = 0; i < agentAttributes.length; i++) {
                parts.add(MesosAgentStandIn.start(new String[] {"--master=" + mesosZk, "--ip=" + block + (31 + i), "--port=0",
                    "--work_dir=" + tmp.resolve("a" + i), "--resources=cpus:2;mem:1024;ports:[31000-31099]",
                    "--attributes=" + agentAttributes[i]}, Map.of()));
                attributesOf.put(block + (31 + i), agentAttributes[i]);
            }
            MarathonStandIn m = MarathonStandIn.start(new String[] {"--master", mesosZk, "--zk", "zk://" + zk.connectString() + "/marathon",
                "--http_address", "127.0.0.1", "--http_port", "0", "--hostname", "127.0.0.1",
                "--decline_offer_duration", "1000", "--min_revive_offers_interval", "300"}, Map.of());
            parts.add(m);
            marathon = m.selfHostPort();
            StackHttp http = new StackHttp();
            await("Marathon leads and is subscribed", () -> m.leading() && !http.get(marathon, "/v2/info").path("frameworkId").isNull(), 30);
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).close();
        }
    }
}
