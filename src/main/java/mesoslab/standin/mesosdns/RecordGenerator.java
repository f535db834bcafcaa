package mesoslab.standin.mesosdns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import mesoslab.standin.mesosdns.MasterState.Agent;
import mesoslab.standin.mesosdns.MasterState.Framework;
import mesoslab.standin.mesosdns.MasterState.Pid;
import mesoslab.standin.mesosdns.MasterState.Task;
import mesoslab.standin.mesosdns.RecordSet.EnumeratedFramework;
import mesoslab.standin.mesosdns.RecordSet.EnumeratedRecord;
import mesoslab.standin.mesosdns.RecordSet.EnumeratedTask;
import mesoslab.standin.mesosdns.RecordSet.Kind;

/**
 * Turns a master state into Mesos-DNS's records, following {@code records/generator.go}: framework,
 * agent, listener (SOA mname), master and task records, in that order. Pure: every input comes
 * in as an argument, so one state always gives the same record set.
 *
 * @param domain          the (lower-case) domain without trailing dot, e.g. {@code mesos}
 * @param nameServer      the SOA mname with trailing dot, which gets the listener's A records
 * @param listener        the DNS listener IP from the config
 * @param localAddresses  this machine's non-loopback addresses, used when the listener is {@code 0.0.0.0}
 * @param ipSources       task IP sources by priority ({@code netinfo}, {@code mesos}, {@code docker}, {@code host})
 * @param spec            the label rules (RFC 1123, or RFC 952 when enforced)
 * @param hostResolver    host name to addresses, for framework and agent hosts that are not IP literals
 */
public record RecordGenerator(String domain, String nameServer, String listener, List<InetAddress> localAddresses,
                              List<String> ipSources, LabelSpec spec,
                              Function<String, List<InetAddress>> hostResolver) {

    /**
     * The records for {@code state}.
     *
     * @param masters the known masters as {@code host:port}, leader first when known ("" when not),
     *                which give {@code master.<domain>} and {@code masterN.<domain>}
     */
    public RecordSet generate(MasterState state, List<String> masters) {
        RecordSet.Builder rrs = new RecordSet.Builder();
        frameworkRecords(state, rrs);
        Map<String, List<String>> agentIps = agentRecords(state, rrs);
        listenerRecords(rrs);
        new MasterRecords(domain).add(rrs, masters, state.leader());
        List<EnumeratedFramework> enumeration = new ArrayList<>();
        for (Framework framework : state.frameworks()) {
            List<EnumeratedTask> tasks = new ArrayList<>();
            for (Task task : framework.tasks()) {
                List<String> taskAgentIps = agentIps.get(task.agentId());
                // Only running tasks on a known agent are discoverable.
                if (taskAgentIps != null && "TASK_RUNNING".equals(task.state())) {
                    List<EnumeratedRecord> records = new ArrayList<>();
                    new TaskRecords(domain, spec, rrs, records).add(framework, task, taskAgentIps,
                            TaskIps.of(task, taskAgentIps, ipSources));
                    tasks.add(new EnumeratedTask(task.name(), task.id(), List.copyOf(records)));
                }
            }
            enumeration.add(new EnumeratedFramework(framework.name(), List.copyOf(tasks)));
        }
        return rrs.build(enumeration);
    }

    private void frameworkRecords(MasterState state, RecordSet.Builder rrs) {
        for (Framework framework : state.frameworks()) {
            String host = framework.pid().map(Pid::host).orElse(framework.hostname());
            String port = framework.pid().map(Pid::port).orElse("");
            List<InetAddress> ips = resolve(host);
            if (ips.isEmpty()) {
                continue;
            }
            String name = spec.domainFragment(framework.name()) + "." + domain + ".";
            for (InetAddress ip : ips) {
                rrs.add(kindOf(ip), name, IpLiteral.format(ip));
            }
            if (!port.isEmpty()) {
                rrs.add(Kind.SRV, "_framework._tcp." + name, name + ":" + port);
            }
        }
    }

    /** Adds {@code slave.<domain>} records; returns each agent's IPs (or its sanitised host name). */
    private Map<String, List<String>> agentRecords(MasterState state, RecordSet.Builder rrs) {
        Map<String, List<String>> agentIps = new LinkedHashMap<>();
        String name = "slave." + domain + ".";
        for (Agent agent : state.agents()) {
            String host = agent.pid().map(Pid::host).orElse("");
            List<String> ips = new ArrayList<>();
            for (InetAddress ip : resolve(host)) {
                rrs.add(kindOf(ip), name, IpLiteral.format(ip));
                ips.add(IpLiteral.format(ip));
            }
            if (!ips.isEmpty()) {
                rrs.add(Kind.SRV, "_slave._tcp." + domain + ".", name + ":" + agent.pid().get().port());
            } else {
                // Mesos-DNS keeps the sanitised host name as the agent "IP" (mesos-dns issue 509).
                ips.add(spec.domainFragment(host));
            }
            agentIps.put(agent.id(), ips);
        }
        return agentIps;
    }

    private void listenerRecords(RecordSet.Builder rrs) {
        if ("0.0.0.0".equals(listener)) {
            for (InetAddress ip : localAddresses) {
                if (!ip.isLoopbackAddress()) {
                    rrs.add(kindOf(ip), nameServer, IpLiteral.format(ip));
                }
            }
            return;
        }
        IpLiteral.parse(listener).ifPresent(ip -> rrs.add(kindOf(ip), nameServer, IpLiteral.format(ip)));
    }

    private List<InetAddress> resolve(String host) {
        if (host == null || host.isEmpty()) {
            return List.of();
        }
        Optional<InetAddress> literal = IpLiteral.parse(host);
        return literal.map(List::of).orElseGet(() -> hostResolver.apply(host));
    }

    static Kind kindOf(InetAddress ip) {
        return IpLiteral.isIpv4(ip) ? Kind.A : Kind.AAAA;
    }
}
