package mesoslab.standin.f5ctlr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import mesoslab.standin.bigip.BigIpFlags;
import mesoslab.standin.bigip.BigIpStandIn;

/**
 * The real BIG-IP stand-in (iControl REST over HTTPS, state file, data plane) on 127.0.0.1.
 * "Down" stops the whole stand-in; "back" starts a new one on the same port from the same state
 * file, as a rebooted BIG-IP comes back with its saved configuration and certificate.
 */
final class BigIpStandInUnderTest implements BigIpUnderTest {
    private final Path stateDir;
    private final boolean ownsStateDir;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> earlierRequests = new CopyOnWriteArrayList<>();
    private final int port;
    private BigIpStandIn running;

    private BigIpStandInUnderTest(Path stateDir, boolean ownsStateDir) throws Exception {
        this.stateDir = stateDir;
        this.ownsStateDir = ownsStateDir;
        this.running = boot(0);
        this.port = running.mgmtAddress().getPort();
    }

    /** A stand-in whose state lives in a temporary folder removed by {@link #close()}. */
    static BigIpStandInUnderTest start() throws Exception {
        return new BigIpStandInUnderTest(Files.createTempDirectory("bigip-e2e"), true);
    }

    /** A stand-in keeping its state (and certificate) in {@code stateDir}. */
    static BigIpStandInUnderTest start(Path stateDir) throws Exception {
        return new BigIpStandInUnderTest(stateDir, false);
    }

    private BigIpStandIn boot(int wantedPort) throws Exception {
        BigIpFlags flags = new BigIpFlags(new InetSocketAddress("127.0.0.1", wantedPort), USER, PASSWORD, List.of(),
                stateDir.resolve("bigip-state.json"));
        // The old listener's port can linger for a moment after close on a busy machine.
        for (int attempt = 1; ; attempt++) {
            try {
                return BigIpStandIn.start(flags, log::add);
            } catch (UncheckedIOException | IOException e) {
                boolean bind = e instanceof BindException || e.getCause() instanceof BindException;
                if (!bind || attempt == 20) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public URI url() {
        return URI.create("https://127.0.0.1:" + port);
    }

    @Override
    public synchronized void goDown() {
        if (running == null) {
            return;
        }
        earlierRequests.addAll(requestsOf(running));
        running.close();
        running = null;
    }

    @Override
    public synchronized void comeBack() throws Exception {
        if (running == null) {
            running = boot(port);
        }
    }

    /** Waits until the last configuration change is live in the data plane. */
    void awaitDataPlane() throws InterruptedException {
        BigIpStandIn current;
        synchronized (this) {
            current = running;
        }
        current.awaitDataPlane();
    }

    /** What the stand-in logged (data-plane and monitor lines), for failure messages. */
    List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public synchronized List<String> requests() {
        List<String> all = new ArrayList<>(earlierRequests);
        if (running != null) {
            all.addAll(requestsOf(running));
        }
        return all;
    }

    /** The stand-in logs {@code METHOD /path?query STATUS}; the tests compare {@code METHOD /path}. */
    private static List<String> requestsOf(BigIpStandIn bigip) {
        return bigip.requestLog().stream().map(line -> {
            String[] parts = line.split(" ");
            String path = parts[1].contains("?") ? parts[1].substring(0, parts[1].indexOf('?')) : parts[1];
            return parts[0] + " " + path;
        }).toList();
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.close();
            running = null;
        }
        if (ownsStateDir) {
            try (Stream<Path> files = Files.walk(stateDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
