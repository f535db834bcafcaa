package mesoslab.standin.f5ctlr;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import mesoslab.standin.mesos.EmbeddedZooKeeper;
import mesoslab.standin.mesos.agent.MesosAgentStandIn;
import mesoslab.standin.mesos.master.MesosMasterStandIn;
import mesoslab.standin.marathon.MarathonStandIn;
import mesoslab.standin.mesosdns.ConfigReader;
import mesoslab.standin.mesosdns.MesosDnsServer;

/**
 * The lab's North-South path, every part a real stand-in on loopback: a 3-member ZooKeeper
 * quorum, a Mesos master, two agents (on their own 127.83.x.y addresses), Marathon, the BIG-IP
 * (iControl REST on 127.0.0.1, data plane on the VIP) with partition {@code mesos}, and
 * Mesos-DNS reading the leader from the same ZooKeeper. The controller is not started here: the
 * test deploys it as the lab does, as a Marathon app with its image and {@code F5_CC_*} env.
 */
final class NorthSouthLab implements AutoCloseable {
    static final String PARTITION = "mesos";

    private final Path dir;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final String block = String.valueOf(ThreadLocalRandom.current().nextInt(1, 250));
    private EmbeddedZooKeeper zk;
    private MarathonApi marathon;
    private BigIpStandInUnderTest bigip;
    private TestIControl admin;
    private MesosDnsServer dns;

    private NorthSouthLab(Path dir) {
        this.dir = dir;
    }

    /** Starts the lab in a new temporary folder, which {@link #close()} removes. */
    static NorthSouthLab start() throws Exception {
        NorthSouthLab lab = new NorthSouthLab(Files.createTempDirectory("north-south-it"));
        try {
            lab.startAll();
        } catch (Exception | AssertionError e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    private void startAll() throws Exception {
        zk = own(EmbeddedZooKeeper.quorum(dir.resolve("zk"), 3));
        String mesosZk = "zk://" + zk.connectString() + "/mesos";
        MesosMasterStandIn master = own(MesosMasterStandIn.start(new String[] {"--zk=" + mesosZk, "--ip=127.0.0.1", "--port=0",
                "--quorum=1", "--work_dir=" + dir.resolve("master")}, Map.of()));
        List<MesosAgentStandIn> agents = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            agents.add(own(MesosAgentStandIn.start(new String[] {"--master=" + mesosZk, "--ip=" + agentIp(i), "--port=0",
                    "--work_dir=" + dir.resolve("agent" + i), "--resources=cpus:4;mem:4096;ports:[31000-31099]"}, Map.of())));
        }
        MarathonStandIn marathonStandIn = own(MarathonStandIn.start(new String[] {"--master", mesosZk,
                "--zk", "zk://" + zk.connectString() + "/marathon", "--http_address", "127.0.0.1", "--http_port", "0",
                "--hostname", "127.0.0.1", "--decline_offer_duration", "2000", "--min_revive_offers_interval", "300"}, Map.of()));
        marathon = own(new MarathonApi(URI.create("http://127.0.0.1:" + marathonStandIn.port())));
        bigip = own(BigIpStandInUnderTest.start(Files.createDirectories(dir.resolve("bigip"))));
        admin = new TestIControl(bigip.url(), BigIpUnderTest.USER, BigIpUnderTest.PASSWORD);
        // The lab's one manual BIG-IP step (tmsh create auth partition mesos).
        if (admin.send("POST", "auth/partition", "{'name':'" + PARTITION + "'}") != 200) {
            throw new AssertionError("cannot create partition " + PARTITION + " on the BIG-IP stand-in");
        }
        Await.until("a leading Marathon", Duration.ofSeconds(30), marathonStandIn::leading, leading -> leading);
        Await.until("both agents registered", Duration.ofSeconds(30),
                () -> agents.stream().noneMatch(a -> a.agentId().isEmpty()), all -> all);
        Await.until("Marathon's framework subscribed", Duration.ofSeconds(30),
                () -> marathon.get("/v2/info").path("frameworkId").isTextual(), subscribed -> subscribed);
        dns = own(startMesosDns(mesosZk));
    }

    /** Mesos-DNS from a real config.json: leader from ZooKeeper, agent IPs as task addresses, refresh every second. */
    private MesosDnsServer startMesosDns(String zkUrl) throws Exception {
        Path config = dir.resolve("mesos-dns-config.json");
        Files.writeString(config, """
                {"zk": "%s", "refreshSeconds": 1, "ttl": 5, "domain": "mesos",
                 "port": 0, "listener": "127.0.0.1", "httpon": false, "dnson": true, "externalon": false,
                 "IPSources": ["host"], "SOAMname": "ns1.mesos", "SOARname": "root.ns1.mesos"}
                """.formatted(zkUrl));
        MesosDnsServer server = new MesosDnsServer(new ConfigReader(List.of()).read(config), "it",
                new PrintStream(Files.newOutputStream(dir.resolve("mesos-dns.log")), true, StandardCharsets.UTF_8), true);
        server.start();
        if (!server.awaitReady(Duration.ofSeconds(30))) {
            server.close();
            throw new AssertionError("Mesos-DNS never loaded /master/state; see " + dir.resolve("mesos-dns.log"));
        }
        return server;
    }

    private <T extends AutoCloseable> T own(T part) {
        started.add(part);
        return part;
    }

    String agentIp(int n) {
        return "127.83." + block + "." + (20 + n);
    }

    /** The demo app's VIP, on its own loopback address. */
    String vip() {
        return "127.84." + block + ".81";
    }

    MarathonApi marathon() {
        return marathon;
    }

    BigIpStandInUnderTest bigip() {
        return bigip;
    }

    TestIControl admin() {
        return admin;
    }

    InetSocketAddress dns() {
        return dns.dnsAddress().orElseThrow();
    }

    /** The last lines of a task's stderr in its agent sandbox (the controller logs there), for failure messages. */
    String sandboxStderr(String taskIdPart) {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder out = new StringBuilder();
            for (Path stderr : files.filter(p -> p.getFileName().toString().equals("stderr") && p.toString().contains(taskIdPart)).toList()) {
                List<String> lines = Files.readAllLines(stderr);
                out.append("== ").append(stderr).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            return "(cannot read sandboxes: " + e + ")";
        }
    }

    /**
     * Stops everything, newest first (Marathon before the agents, whose close kills their tasks'
     * processes), then removes the lab's folder.
     */
    @Override
    public void close() throws Exception {
        Exception first = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        if (first != null) {
            throw first;
        }
    }
}
