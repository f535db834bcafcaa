package mesoslab.standin.mesosdns;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import mesoslab.standin.http.StandInHttpServer;

/**
 * One running Mesos-DNS: master detection, the periodic state reload and, from the first
 * successful reload on (as the real {@code main.go} waits on {@code res.Ready()}), the DNS and
 * HTTP listeners. A failed reload keeps the previous records. When ZooKeeper shows no leader for
 * {@code zkDetectionTimeout} seconds, {@link #fatal()} completes exceptionally: the real process
 * exits then, and so does the stand-in.
 */
public final class MesosDnsServer implements AutoCloseable {
    private final MesosDnsConfig config;
    private final String version;
    private final PrintStream log;
    private final boolean verbose;
    private final StateClient stateClient;
    private final RecordGenerator generator;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mesos-dns-reload");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CompletableFuture<Void> fatal = new CompletableFuture<>();
    private volatile List<String> masters;
    private volatile RecordSet records = RecordSet.empty();
    private volatile long soaSerial = System.currentTimeMillis() / 1000;
    private volatile DnsServer dns;
    private volatile StandInHttpServer http;
    private ZkMasterDetector detector;
    private ScheduledFuture<?> detectionTimeout;

    public MesosDnsServer(MesosDnsConfig config, String version, PrintStream log, boolean verbose) {
        this.config = config;
        this.version = version;
        this.log = log;
        this.verbose = verbose;
        this.stateClient = new StateClient(Duration.ofSeconds(config.stateTimeoutSeconds()), config.mesosHttpsOn());
        this.generator = new RecordGenerator(config.domain(), config.soaMname(), config.listener(), localAddresses(),
                config.ipSources(), config.labelSpec(), MesosDnsServer::lookUp);
        List<String> initial = new ArrayList<>();
        if (!config.zk().isEmpty()) {
            initial.add(""); // the leader slot, filled by ZooKeeper detection
        }
        initial.addAll(config.masters());
        this.masters = List.copyOf(initial);
    }

    public void start() throws IOException, ConfigException {
        if (!config.zk().isEmpty()) {
            ZkUrl url = ZkUrl.parse(config.zk(), "zk");
            detector = new ZkMasterDetector(url, 10_000, this::mastersChanged);
            detector.start();
            armDetectionTimeout();
        }
        scheduler.scheduleWithFixedDelay(this::reload, 0, config.refreshSeconds(), TimeUnit.SECONDS);
    }

    private synchronized void armDetectionTimeout() {
        if (detectionTimeout != null) {
            detectionTimeout.cancel(false);
        }
        int seconds = config.zkDetectionTimeout();
        if (seconds > 0) {
            detectionTimeout = scheduler.schedule(() -> {
                fatal.completeExceptionally(new StateLoadException("master detection timed out after " + seconds + "s"
                        + " (no json.info_ leader znode under " + config.zk() + ")"));
            }, seconds, TimeUnit.SECONDS);
        }
    }

    /** From ZooKeeper: leader first ("" when none), then the other masters. */
    private void mastersChanged(List<String> detected) {
        boolean noLeader = detected.isEmpty() || detected.get(0).isEmpty();
        synchronized (this) {
            if (noLeader) {
                armDetectionTimeout();
            } else if (detectionTimeout != null) {
                detectionTimeout.cancel(false);
            }
        }
        List<String> next = new ArrayList<>(detected.isEmpty() ? List.of("") : detected);
        if (noLeader) {
            // No leader: keep the configured masters as the ones to try.
            next = new ArrayList<>(List.of(""));
            next.addAll(config.masters());
        }
        masters = List.copyOf(next);
        verbose("new masters detected: " + masters);
        scheduler.execute(this::reload);
    }

    /** Reads the state once and swaps in the new records; keeps the old ones on failure. */
    void reload() {
        List<String> current = masters;
        try {
            MasterState state = stateClient.load(current);
            if (state.leader().isEmpty()) {
                throw new StateLoadException("empty master");
            }
            records = generator.generate(state, current);
            soaSerial = System.currentTimeMillis() / 1000;
            verbose("records reloaded from leader " + state.leader() + ": " + records.a().size() + " A names, "
                    + records.srv().size() + " SRV names");
            if (ready.getCount() > 0) {
                startListeners();
                ready.countDown();
            }
        } catch (StateLoadException e) {
            log.println("mesos-dns: Warning: Error generating records: " + e.getMessage() + "; keeping old DNS state");
        } catch (IOException | RuntimeException e) {
            fatal.completeExceptionally(e);
        }
    }

    private void startListeners() throws IOException {
        if (config.dnsOn()) {
            Duration timeout = Duration.ofSeconds(config.timeout() == 0 ? 5 : config.timeout());
            Upstream upstream = new Upstream(config.externalOn() ? config.resolvers() : List.of(), timeout);
            Map<String, Upstream> zones = new LinkedHashMap<>();
            if (config.externalOn()) {
                config.zoneResolvers().forEach((zone, resolvers) ->
                        zones.put(zone.toLowerCase(Locale.ROOT).replaceAll("\\.+$", ""), new Upstream(resolvers, timeout)));
            }
            DnsResponder responder = new DnsResponder(config, () -> records, () -> soaSerial, upstream, zones);
            try {
                dns = DnsServer.start(responder, InetAddress.getByName(config.listener()), config.port());
            } catch (IOException e) {
                throw new IOException("failed to set up the DNS server on " + config.listener() + ":" + config.port()
                        + " (config keys \"listener\" and \"port\"): " + e.getMessage(), e);
            }
            log.println("mesos-dns: serving DNS on " + dns.address().getAddress().getHostAddress() + ":" + dns.address().getPort()
                    + " (udp and tcp) for domain " + config.domain());
        }
        if (config.httpOn()) {
            StandInHttpServer server;
            try {
                server = StandInHttpServer.http(new InetSocketAddress(InetAddress.getByName(config.httpListener()), config.httpPort()));
            } catch (IOException e) {
                throw new IOException("failed to set up the HTTP server on " + config.httpListener() + ":" + config.httpPort()
                        + " (config keys \"HTTPListener\" and \"httpport\"): " + e.getMessage(), e);
            }
            new HttpApi(config, version, () -> records, () -> soaSerial).routes(server).start();
            http = server;
            log.println("mesos-dns: serving HTTP on " + config.httpListener() + ":" + server.port());
        }
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Completes exceptionally when the process must stop (detection timeout, listener failure). */
    public CompletableFuture<Void> fatal() {
        return fatal;
    }

    public Optional<InetSocketAddress> dnsAddress() {
        return Optional.ofNullable(dns).map(DnsServer::address);
    }

    public Optional<InetSocketAddress> httpAddress() {
        return Optional.ofNullable(http).map(StandInHttpServer::address);
    }

    public RecordSet records() {
        return records;
    }

    private void verbose(String line) {
        if (verbose) {
            log.println("mesos-dns: " + line);
        }
    }

    private static List<InetAddress> lookUp(String host) {
        try {
            return Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    private static List<InetAddress> localAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException e) {
            // no interfaces to list: the SOA name server simply gets no A record
        }
        return addresses;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (detector != null) {
            detector.close();
        }
        if (dns != null) {
            dns.close();
        }
        if (http != null) {
            http.close();
        }
    }
}
