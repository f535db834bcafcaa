package mesoslab.standin.mesosdns;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import mesoslab.standin.mesosdns.MasterState.Discovery;
import mesoslab.standin.mesosdns.MasterState.DiscoveryPort;
import mesoslab.standin.mesosdns.MasterState.Framework;
import mesoslab.standin.mesosdns.MasterState.Task;
import mesoslab.standin.mesosdns.RecordSet.EnumeratedRecord;
import mesoslab.standin.mesosdns.RecordSet.Kind;

/**
 * The records of one running task ({@code records/generator.go} taskRecord and
 * {@code records/chains.go}): A records for {@code <task>.<fw>} and the canonical
 * {@code <task>-<hash>-<agent>.<fw>}, their {@code .slave} twins with the agent IP, and SRV records
 * {@code _<task>._tcp|_udp.<fw>[.slave]}. With DiscoveryInfo, its name replaces the task name (once
 * raw for backwards compatibility, once sanitised) and its ports give the non-slave SRV records,
 * including {@code _<portname>._<task>._<proto>.<fw>}.
 */
final class TaskRecords {
    private final String domain;
    private final LabelSpec spec;
    private final RecordSet.Builder rrs;
    private final List<EnumeratedRecord> enumerated;

    TaskRecords(String domain, LabelSpec spec, RecordSet.Builder rrs, List<EnumeratedRecord> enumerated) {
        this.domain = domain;
        this.spec = spec;
        this.rrs = rrs;
        this.enumerated = enumerated;
    }

    void add(Framework framework, Task task, List<String> agentIps, List<InetAddress> taskIps) {
        String hash = ZBase32.taskHash(task.id());
        String agentTail = agentTail(task.agentId());
        Optional<Discovery> discovery = task.discovery();
        if (discovery.isPresent()) {
            // Mesos-DNS still emits the raw DiscoveryInfo name (marked LEGACY upstream), then the sanitised one.
            addFor(discovery.get().name(), hash, agentTail, framework, task, agentIps, taskIps);
            addFor(spec.label(discovery.get().name()), hash, agentTail, framework, task, agentIps, taskIps);
        } else {
            addFor(spec.label(task.name()), hash, agentTail, framework, task, agentIps, taskIps);
        }
    }

    private void addFor(String taskName, String hash, String agentTail, Framework framework, Task task,
                        List<String> agentIps, List<InetAddress> taskIps) {
        String fw = spec.domainFragment(framework.name());
        String tail = "." + domain + ".";
        String canonical = taskName + "-" + hash + "-" + agentTail + "." + fw;
        String plain = taskName + "." + fw;
        for (InetAddress ip : taskIps) {
            Kind kind = RecordGenerator.kindOf(ip);
            insert(kind, plain + tail, IpLiteral.format(ip));
            insert(kind, canonical + tail, IpLiteral.format(ip));
        }
        for (String agentIp : agentIps) {
            Kind kind = IpLiteral.parse(agentIp).map(RecordGenerator::kindOf).orElse(Kind.A);
            String value = IpLiteral.parse(agentIp).map(IpLiteral::format).orElse(agentIp);
            insert(kind, plain + ".slave" + tail, value);
            insert(kind, canonical + ".slave" + tail, value);
        }
        boolean hasDiscovery = task.discovery().isPresent();
        String service = "_" + taskName;
        for (int port : task.ports()) {
            String target = canonical + ".slave" + tail + ":" + port;
            List<String> names = List.of(service + "._tcp." + fw, service + "._udp." + fw);
            for (String name : names) {
                insert(Kind.SRV, name + ".slave" + tail, target);
            }
            if (!hasDiscovery) {
                for (String name : names) {
                    insert(Kind.SRV, name + tail, target);
                }
            }
        }
        if (!hasDiscovery) {
            return;
        }
        for (DiscoveryPort port : task.discovery().get().ports()) {
            String target = canonical + tail + ":" + port.number();
            String protocol = spec.label(port.protocol());
            List<String> names = protocol.isEmpty()
                    ? List.of(service + "._tcp." + fw, service + "._udp." + fw)
                    : List.of(service + "._" + protocol + "." + fw);
            String portName = spec.label(port.name());
            for (String name : names) {
                insert(Kind.SRV, name + tail, target);
            }
            if (!portName.isEmpty()) {
                for (String name : names) {
                    insert(Kind.SRV, "_" + portName + "." + name + tail, target);
                }
            }
        }
    }

    private void insert(Kind kind, String name, String value) {
        if (rrs.add(kind, name, value)) {
            enumerated.add(new EnumeratedRecord(name, value, kind.name()));
        }
    }

    /** The agent id's last {@code -} field, lower-cased: {@code …-S0} gives {@code s0}. */
    static String agentTail(String agentId) {
        String[] fields = agentId.split("-", -1);
        return fields[fields.length - 1].toLowerCase(java.util.Locale.ROOT);
    }

}
