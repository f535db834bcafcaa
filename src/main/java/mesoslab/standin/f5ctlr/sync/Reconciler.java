package mesoslab.standin.f5ctlr.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mesoslab.standin.f5ctlr.bigip.Applier;
import mesoslab.standin.f5ctlr.bigip.CurrentStateReader;
import mesoslab.standin.f5ctlr.bigip.IControlClient;
import mesoslab.standin.f5ctlr.bigip.IControlException;
import mesoslab.standin.f5ctlr.desired.DesiredStateBuilder;
import mesoslab.standin.f5ctlr.log.Log;
import mesoslab.standin.f5ctlr.marathon.MarathonApp;
import mesoslab.standin.f5ctlr.marathon.MarathonClient;
import mesoslab.standin.f5ctlr.marathon.MarathonException;
import mesoslab.standin.f5ctlr.model.PartitionState;

/**
 * One level-triggered pass: read every app from Marathon, then for each managed partition build
 * the desired state, read the BIG-IP's, diff, apply. Nothing is remembered between passes except
 * the warnings already logged (so a bad label is reported when it appears, not every 30 s).
 */
public final class Reconciler {
    private final MarathonClient marathon;
    private final IControlClient bigip;
    private final CurrentStateReader reader;
    private final Applier applier;
    private final DesiredStateBuilder builder;
    private final List<String> partitions;
    private final Log log;
    private final Map<String, List<String>> lastWarnings = new HashMap<>();
    private boolean sessionChecked;

    public Reconciler(MarathonClient marathon, IControlClient bigip, DesiredStateBuilder builder, List<String> partitions,
            String userAgent, Log log) {
        this.marathon = marathon;
        this.bigip = bigip;
        this.reader = new CurrentStateReader(bigip);
        this.applier = new Applier(bigip, userAgent, log);
        this.builder = builder;
        this.partitions = List.copyOf(partitions);
        this.log = log;
    }

    public PassOutcome pass() {
        List<MarathonApp> apps;
        try {
            log.info("fetching apps");
            apps = marathon.listApps();
        } catch (MarathonException e) {
            return new PassOutcome.Failed(e.getMessage());
        }
        int changes = 0;
        int incomplete = 0;
        String lastError = null;
        try {
            if (!sessionChecked) {
                // f5-sdk reads the version first on every new session; doing the same keeps the request sequence familiar.
                log.info("BIG-IP version " + bigip.version());
                sessionChecked = true;
            }
            for (String partition : partitions) {
                try {
                    int routeDomain = reader.routeDomain(partition);
                    DesiredStateBuilder.Result desired = builder.build(apps, partition, routeDomain);
                    logNewWarnings(partition, desired.warnings());
                    PartitionState current = reader.read(partition, routeDomain);
                    List<Operation> ops = Differ.diff(desired.state(), current);
                    if (ops.isEmpty()) {
                        log.debug("partition " + partition + " is in sync");
                        continue;
                    }
                    Applier.Result result = applier.apply(ops);
                    changes += result.done();
                    incomplete += result.incomplete();
                    if (result.lastError() != null) {
                        lastError = result.lastError();
                    }
                } catch (IControlException e) {
                    if (e.unreachable()) {
                        throw e;
                    }
                    incomplete++;
                    lastError = e.getMessage();
                    log.error("partition " + partition + ": " + e.getMessage());
                }
            }
        } catch (IControlException e) {
            sessionChecked = false;
            return new PassOutcome.Failed(e.getMessage());
        }
        return incomplete == 0 ? new PassOutcome.Converged(changes)
                : new PassOutcome.Failed(incomplete + " change(s) left undone; last error: " + lastError);
    }

    private void logNewWarnings(String partition, List<String> warnings) {
        if (!warnings.equals(lastWarnings.get(partition))) {
            warnings.forEach(log::warning);
            lastWarnings.put(partition, List.copyOf(warnings));
        }
    }
}
