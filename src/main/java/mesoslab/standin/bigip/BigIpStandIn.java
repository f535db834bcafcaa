package mesoslab.standin.bigip;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import mesoslab.standin.bigip.config.Config;
import mesoslab.standin.bigip.config.Mcpd;
import mesoslab.standin.bigip.config.StateFile;
import mesoslab.standin.bigip.dataplane.DataPlane;
import mesoslab.standin.bigip.rest.IControlRest;
import mesoslab.standin.bigip.tls.TlsIdentity;
import mesoslab.standin.http.StandInHttpServer;

/**
 * The BIG-IP stand-in: iControl REST over HTTPS on the management address, the configuration
 * kept in a state file, and a data plane that makes every enabled virtual server listen on its
 * destination and forward to healthy pool members.
 */
public final class BigIpStandIn implements AutoCloseable {
    private final StandInHttpServer http;
    private final DataPlane dataPlane;
    private final Mcpd mcpd;
    private final TlsIdentity tls;

    private BigIpStandIn(StandInHttpServer http, DataPlane dataPlane, Mcpd mcpd, TlsIdentity tls) {
        this.http = http;
        this.dataPlane = dataPlane;
        this.mcpd = mcpd;
        this.tls = tls;
    }

    /** Starts everything; returns once the saved virtual servers are listening. */
    public static BigIpStandIn start(BigIpFlags flags, Consumer<String> log) throws IOException, GeneralSecurityException,
            InterruptedException {
        return start(flags, log, 1200);
    }

    /** As {@link #start(BigIpFlags, Consumer)} with a different lifetime for new login tokens. */
    public static BigIpStandIn start(BigIpFlags flags, Consumer<String> log, long tokenTimeoutSeconds)
            throws IOException, GeneralSecurityException, InterruptedException {
        StateFile stateFile = flags.state() == null ? null : new StateFile(flags.state());
        Config saved = stateFile == null ? null : stateFile.load();
        Mcpd mcpd = new Mcpd(saved, stateFile);
        InetAddress selfIp = flags.selfIps().isEmpty() ? null : InetAddress.getByName(stripPrefix(flags.selfIps().get(0)));
        DataPlane dataPlane = new DataPlane(selfIp, log);
        mcpd.onChange(dataPlane::apply);
        dataPlane.apply(mcpd.snapshot());
        dataPlane.awaitApplied();
        TlsIdentity tls = tlsIdentity(flags);
        StandInHttpServer http = StandInHttpServer.https(flags.mgmt(), tls.sslContext());
        IControlRest.register(http, mcpd, dataPlane, flags.user(), flags.password(), flags.selfIps(), Clock.systemUTC(),
                tokenTimeoutSeconds);
        try {
            http.start();
        } catch (RuntimeException e) {
            dataPlane.close();
            throw e;
        }
        return new BigIpStandIn(http, dataPlane, mcpd, tls);
    }

    private static TlsIdentity tlsIdentity(BigIpFlags flags) throws IOException, GeneralSecurityException {
        List<String> names = new ArrayList<>(List.of("localhost"));
        List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getLoopbackAddress()));
        InetSocketAddress mgmt = flags.mgmt();
        if (!mgmt.isUnresolved() && !mgmt.getAddress().isAnyLocalAddress()) {
            addresses.add(mgmt.getAddress());
        }
        if (!mgmt.getHostString().equals("localhost") && !mgmt.getHostString().matches("[0-9.:]+")) {
            names.add(mgmt.getHostString());
        }
        if (flags.state() == null) {
            return TlsIdentity.create(names, addresses);
        }
        Path store = flags.state().toAbsolutePath().resolveSibling(flags.state().getFileName() + ".tls.p12");
        return TlsIdentity.loadOrCreate(store, names, addresses);
    }

    private static String stripPrefix(String selfIp) {
        return selfIp.contains("/") ? selfIp.substring(0, selfIp.indexOf('/')) : selfIp;
    }

    /** {@code Main bigip ...}: runs until the process is stopped; 2 on a bad command line, 1 if it cannot start. */
    public static int main(String[] args) throws InterruptedException {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        BigIpFlags flags;
        try {
            flags = BigIpFlags.parse(args);
        } catch (BigIpFlags.UsageException e) {
            err.println("bigip: " + e.getMessage());
            err.println(BigIpFlags.USAGE);
            return 2;
        }
        try (BigIpStandIn bigip = start(flags, line -> err.println("bigip: " + line))) {
            out.println("bigip: iControl REST on https://" + bigip.mgmtAddress().getAddress().getHostAddress() + ":"
                    + bigip.mgmtAddress().getPort() + "/mgmt/tm/ (user " + flags.user() + ")");
            out.println("bigip: certificate SHA-256 Fingerprint=" + bigip.fingerprint());
            out.flush();
            new CountDownLatch(1).await();
            return 0;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            err.println("bigip: cannot start: " + e.getMessage());
            return 1;
        }
    }

    public InetSocketAddress mgmtAddress() {
        return http.address();
    }

    public String fingerprint() {
        return tls.sha256Fingerprint();
    }

    public Mcpd mcpd() {
        return mcpd;
    }

    /** Blocks until the last configuration change is live in the data plane. */
    public void awaitDataPlane() throws InterruptedException {
        dataPlane.awaitApplied();
    }

    /** Every REST request so far as {@code "METHOD /path?query STATUS"}. */
    public List<String> requestLog() {
        return http.requestLog();
    }

    @Override
    public void close() {
        http.close();
        dataPlane.close();
    }
}
