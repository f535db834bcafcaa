package mesoslab.standin.f5ctlr;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import mesoslab.standin.f5ctlr.bigip.IControlException;
import mesoslab.standin.f5ctlr.config.ConfigException;
import mesoslab.standin.f5ctlr.config.ControllerConfig;
import mesoslab.standin.f5ctlr.config.ControllerFlags;
import mesoslab.standin.f5ctlr.desired.HostResolver;
import mesoslab.standin.f5ctlr.log.Log;

/**
 * {@code mesoslab.standin.Main f5-controller [flags]}, configured like
 * {@code f5networks/marathon-bigip-ctlr} by {@code MARATHON_URL} and {@code F5_CC_*} or the same
 * flags. Exit codes: 2 for a bad setting (argparse's), 1 when the BIG-IP cannot be reached at start;
 * otherwise it runs until stopped.
 */
public final class F5ControllerStandIn {
    private F5ControllerStandIn() {}

    public static int run(String[] args) throws InterruptedException {
        return run(args, System.getenv(), System.out, System.err);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws InterruptedException {
        ControllerConfig config;
        try {
            ControllerFlags.Parsed parsed = ControllerFlags.parse(args, env, F5Controller.VERSION);
            if (parsed instanceof ControllerFlags.Parsed.Print print) {
                out.println(print.text());
                return 0;
            }
            config = ((ControllerFlags.Parsed.Run) parsed).config();
        } catch (ConfigException e) {
            err.println("usage: marathon-bigip-ctlr [-h] [--longhelp] [--marathon MARATHON [MARATHON ...]] ...");
            err.println("marathon-bigip-ctlr: error: " + e.getMessage());
            return 2;
        }
        Log log = new Log(err, config.logging().level(), config.logging().format(), "controller");
        log.info("Version: " + F5Controller.VERSION + ", Build: mesoslab-standin");
        if (config.bigip().trust() instanceof mesoslab.standin.f5ctlr.config.TlsTrust.Insecure) {
            log.warning("The BIG-IP's certificate is not verified (as with the real controller); "
                    + "set F5_CC_BIGIP_CERT_SHA256 or F5_CC_BIGIP_CA_CERT to verify it");
        }
        try {
            log.info("BIG-IP " + config.bigip().url() + " version " + F5Controller.checkBigIp(config, log)
                    + ", managing partition(s) " + config.bigip().partitions());
        } catch (IControlException | ConfigException e) {
            log.error("Cannot use the BIG-IP at " + config.bigip().url() + " as " + config.bigip().username() + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            F5Controller controller = F5Controller.start(config, log, HostResolver.dns());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    controller.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                stopped.countDown();
            }));
        } catch (ConfigException e) {
            log.error(e.getMessage());
            return 1;
        }
        stopped.await();
        return 0;
    }
}
