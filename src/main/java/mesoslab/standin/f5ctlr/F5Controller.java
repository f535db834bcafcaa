package mesoslab.standin.f5ctlr;

import java.time.Duration;
import mesoslab.standin.f5ctlr.bigip.IControlClient;
import mesoslab.standin.f5ctlr.bigip.IControlException;
import mesoslab.standin.f5ctlr.config.ConfigException;
import mesoslab.standin.f5ctlr.config.ControllerConfig;
import mesoslab.standin.f5ctlr.config.TlsTrust;
import mesoslab.standin.f5ctlr.desired.DesiredStateBuilder;
import mesoslab.standin.f5ctlr.desired.HostResolver;
import mesoslab.standin.f5ctlr.log.Log;
import mesoslab.standin.f5ctlr.marathon.MarathonClient;
import mesoslab.standin.f5ctlr.sync.ControllerLoop;
import mesoslab.standin.f5ctlr.sync.EventListener;
import mesoslab.standin.f5ctlr.sync.Reconciler;

/** The running controller: the clients, the worker loop and the event listener, wired from one config. */
public final class F5Controller implements AutoCloseable {
    /** What {@code --version} reports and the {@code user_agent} metadata names. */
    public static final String VERSION = "v1.3.2-mesoslab-standin";
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final IControlClient bigip;
    private final MarathonClient marathon;
    private final ControllerLoop loop;
    private final EventListener events;

    private F5Controller(ControllerConfig config, Log log, HostResolver resolver) throws ConfigException {
        ControllerConfig.BigIp b = config.bigip();
        this.bigip = new IControlClient(b.url(), b.username(), b.password(), b.trust().sslContext(), HTTP_TIMEOUT, log);
        ControllerConfig.Marathon m = config.marathon();
        TlsTrust marathonTrust = m.caCert().<TlsTrust>map(TlsTrust.CaBundle::new).orElse(new TlsTrust.Insecure());
        this.marathon = new MarathonClient(m.urls(), marathonTrust.sslContext(), m.basicAuth(), HTTP_TIMEOUT);
        DesiredStateBuilder builder = new DesiredStateBuilder(
                new DesiredStateBuilder.Options(m.useHealthCheck(), b.snatPoolName(), m.frameworkName()), resolver);
        Reconciler reconciler = new Reconciler(marathon, bigip, builder, b.partitions(),
                "marathon-bigip-ctlr-" + VERSION, log);
        this.loop = new ControllerLoop(reconciler::pass, config.timing(), log);
        this.events = new EventListener(marathon, m.sseTimeout(), loop::trigger, log);
    }

    /** Wires and starts everything; the first pass runs at once. */
    public static F5Controller start(ControllerConfig config, Log log, HostResolver resolver) throws ConfigException {
        F5Controller controller = new F5Controller(config, log, resolver);
        controller.loop.start();
        controller.events.start();
        return controller;
    }

    /**
     * The real controller's first act: log in and {@code GET /mgmt/tm/sys/}. It exits when that
     * fails (BIG-IP must be reachable at start), and so does the stand-in's command line.
     */
    public static String checkBigIp(ControllerConfig config, Log log) throws ConfigException, IControlException {
        ControllerConfig.BigIp b = config.bigip();
        try (IControlClient client = new IControlClient(b.url(), b.username(), b.password(), b.trust().sslContext(), HTTP_TIMEOUT, log)) {
            return client.version();
        }
    }

    public ControllerLoop loop() {
        return loop;
    }

    @Override
    public void close() throws InterruptedException {
        events.close();
        loop.close();
        marathon.close();
        bigip.close();
    }
}
