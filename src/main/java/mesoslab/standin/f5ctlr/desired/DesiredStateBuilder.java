package mesoslab.standin.f5ctlr.desired;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import mesoslab.standin.f5ctlr.marathon.MarathonApp;
import mesoslab.standin.f5ctlr.marathon.MarathonApp.HealthCheck;
import mesoslab.standin.f5ctlr.marathon.MarathonApp.MarathonTask;
import mesoslab.standin.f5ctlr.model.Addresses;
import mesoslab.standin.f5ctlr.model.Monitor;
import mesoslab.standin.f5ctlr.model.ObjectKind;
import mesoslab.standin.f5ctlr.model.PartitionState;
import mesoslab.standin.f5ctlr.model.Pool;
import mesoslab.standin.f5ctlr.model.Virtual;
import mesoslab.standin.f5ctlr.model.Virtual.ProfileRef;
import mesoslab.standin.f5ctlr.model.Virtual.Snat;

/**
 * Marathon apps to the BIG-IP objects one partition should hold (reference section 2.5): a pool
 * per service port of every app whose {@code F5_PARTITION} is this partition, a virtual server
 * where {@code F5_{n}_BIND_ADDR} is set, a monitor per health check of that port. Pure: DNS comes
 * in through the {@link HostResolver}, problems go out as warnings.
 */
public final class DesiredStateBuilder {
    private static final List<ProfileRef> HTTP_PROFILES = List.of(new ProfileRef("Common", "http"), new ProfileRef("Common", "tcp"));
    private static final List<ProfileRef> TCP_PROFILES = List.of(new ProfileRef("Common", "tcp"));

    /**
     * @param useHealthCheck {@code F5_CC_USE_HEALTHCHECK}: only tasks whose every health check result is alive
     * @param snatPoolName   {@code F5_CC_VS_SNAT_POOL_NAME}; empty means automap
     * @param frameworkName  {@code FRAMEWORK_NAME}: the app with this id (without the leading slash) is skipped
     */
    public record Options(boolean useHealthCheck, String snatPoolName, Optional<String> frameworkName) {
        public static final Options DEFAULTS = new Options(false, "", Optional.empty());
    }

    /** The desired partition and what was wrong with the input on the way. */
    public record Result(PartitionState state, List<String> warnings) {}

    private final Options options;
    private final HostResolver resolver;

    public DesiredStateBuilder(Options options, HostResolver resolver) {
        this.options = options;
        this.resolver = resolver;
    }

    public Result build(List<MarathonApp> apps, String partition, int routeDomain) {
        PartitionState.Builder state = new PartitionState.Builder(partition, routeDomain);
        List<String> warnings = new ArrayList<>();
        for (MarathonApp app : apps) {
            if (!partition.equals(app.labels().get("F5_PARTITION"))
                    || options.frameworkName().map(name -> app.id().equals("/" + name)).orElse(false)) {
                continue;
            }
            if (app.servicePorts().isEmpty()) {
                warnings.add("Warning, no service ports found for " + app.id());
            }
            List<MarathonTask> tasks = eligibleTasks(app);
            for (int i = 0; i < app.servicePorts().size(); i++) {
                LabelOutcome outcome = ServiceLabels.read(app, i, app.servicePorts().get(i));
                if (outcome instanceof LabelOutcome.Invalid invalid) {
                    warnings.add("App " + app.id() + ", service " + i + " has an invalid config, skipping: " + invalid.reason());
                } else if (outcome instanceof LabelOutcome.IApp iapp) {
                    warnings.add("App " + app.id() + ", service " + i + " asks for iApp " + iapp.template()
                            + "; iApp mode is not implemented by this stand-in, skipping");
                } else if (outcome instanceof LabelOutcome.Service service) {
                    warnings.addAll(service.warnings());
                    addService(state, app, service.spec(), tasks, partition, routeDomain, warnings);
                }
            }
        }
        return new Result(state.build(), warnings);
    }

    /** Tasks that may become members: a host, and (with the health-check option) every result alive. */
    private List<MarathonTask> eligibleTasks(MarathonApp app) {
        List<MarathonTask> out = new ArrayList<>();
        for (MarathonTask task : app.tasks()) {
            if (task.host().isEmpty()) {
                continue;
            }
            if (options.useHealthCheck() && !app.healthChecks().isEmpty()
                    && (task.healthResults() == null || task.healthResults().contains(Boolean.FALSE))) {
                continue;
            }
            out.add(task);
        }
        return out;
    }

    private void addService(PartitionState.Builder state, MarathonApp app, ServiceSpec spec, List<MarathonTask> tasks,
            String partition, int routeDomain, List<String> warnings) {
        String name = objectName(app.id(), spec.port());
        List<String> monitorPaths = new ArrayList<>();
        for (int counter = 0; counter < spec.checks().size(); counter++) {
            monitor(partition, name, counter, spec.checks().get(counter), warnings).ifPresent(m -> {
                state.add(m);
                monitorPaths.add(m.fullPath());
            });
        }
        Set<String> members = new TreeSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (MarathonTask task : tasks) {
            if (spec.index() >= task.ports().size()) {
                continue; // a task of an older app version with fewer ports
            }
            int hostPort = task.ports().get(spec.index());
            if (!seen.add(task.host() + ":" + hostPort)) {
                continue;
            }
            Optional<String> ip = resolver.resolve(task.host());
            if (ip.isEmpty()) {
                warnings.add("Could not resolve ip for host " + task.host() + ", ignoring this backend");
                continue;
            }
            members.add(Addresses.member(ip.get(), routeDomain, hostPort));
        }
        state.add(new Pool(partition, name, spec.balance(), monitorPaths.stream().sorted().toList(), new TreeSet<>(members)));
        if (spec.bindAddr() != null) {
            state.add(virtual(partition, name, spec, routeDomain));
        }
    }

    private Virtual virtual(String partition, String name, ServiceSpec spec, int routeDomain) {
        List<ProfileRef> profiles = new ArrayList<>();
        if (spec.sslProfile() != null) {
            profiles.add(spec.sslProfile());
        }
        profiles.addAll(switch (spec.mode()) {
            case "http" -> HTTP_PROFILES;
            case "tcp" -> TCP_PROFILES;
            default -> List.<ProfileRef>of();
        });
        String destination = "/" + partition + "/" + Addresses.member(spec.bindAddr(), routeDomain, spec.port());
        Snat snat = options.snatPoolName().isEmpty() ? Snat.AUTOMAP : new Snat("snat", options.snatPoolName());
        String protocol = spec.mode().equals("udp") ? "udp" : "tcp";
        return new Virtual(partition, name, destination, protocol, "/" + partition + "/" + name, profiles, snat, true);
    }

    /**
     * A monitor for one Marathon health check: type http for any protocol containing HTTP
     * (HTTP, HTTPS, MESOS_HTTP, MESOS_HTTPS), tcp for TCP/MESOS_TCP; timeout
     * {@code (maxConsecutiveFailures - 1) * interval + timeoutSeconds + 1}.
     */
    private static Optional<Monitor> monitor(String partition, String serviceName, int counter, HealthCheck hc, List<String> warnings) {
        String protocol = hc.protocol().toLowerCase(java.util.Locale.ROOT);
        ObjectKind kind = protocol.contains("http") ? ObjectKind.MONITOR_HTTP
                : protocol.contains("tcp") ? ObjectKind.MONITOR_TCP : null;
        if (kind == null) {
            warnings.add("Health check " + counter + " of " + serviceName + " has protocol " + hc.protocol()
                    + ", which has no BIG-IP monitor; skipping it");
            return Optional.empty();
        }
        int interval = hc.intervalSeconds();
        int timeout = (hc.maxConsecutiveFailures() - 1) * interval + hc.timeoutSeconds() + 1;
        if (interval >= timeout) {
            // CCCL refuses a monitor whose interval is not below its timeout.
            warnings.add("Health check " + counter + " of " + serviceName + ": monitor interval " + interval
                    + " is not below its timeout " + timeout + "; skipping it");
            return Optional.empty();
        }
        String name = serviceName + "_" + counter + "_" + kind.monitorType();
        String send = kind == ObjectKind.MONITOR_HTTP ? "GET " + (hc.path() == null ? "/" : hc.path()) + " HTTP/1.0\\r\\n\\r\\n" : "";
        return Optional.of(new Monitor(partition, name, kind, interval, timeout, send, ""));
    }

    /** {@code <app id without the leading slash, '/' → '_'>_<port>}: {@code /grp/app} port 80 → {@code grp_app_80}. */
    public static String objectName(String appId, int port) {
        String id = appId;
        while (id.startsWith("/")) {
            id = id.substring(1);
        }
        return (id + "_" + port).replace('/', '_');
    }
}
