package mesoslab.standin.mesosdns;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import mesoslab.standin.mesosdns.RecordSet.Kind;

/**
 * {@code leader.<domain>}, {@code master.<domain>}, {@code masterN.<domain>} and the
 * {@code _leader._tcp|_udp} SRV records. The masters are numbered in the order given, so a
 * leader change does not renumber them; a leader missing from the list gets the next number.
 */
record MasterRecords(String domain) {

    void add(RecordSet.Builder rrs, List<String> masters, String leaderPid) {
        int at = leaderPid.indexOf('@');
        if (at < 0) {
            return;
        }
        String leaderAddress = leaderPid.substring(at + 1);
        Optional<HostPort> leader = HostPort.split(leaderAddress);
        if (leader.isEmpty()) {
            return;
        }
        Optional<InetAddress> leaderIp = IpLiteral.parse(leader.get().host());
        if (leaderIp.isEmpty()) {
            return;
        }
        Kind leaderKind = RecordGenerator.kindOf(leaderIp.get());
        String ip = leader.get().host();
        String all = "master." + domain + ".";
        rrs.add(leaderKind, "leader." + domain + ".", ip);
        rrs.add(leaderKind, all, ip);
        String target = "leader." + domain + ".:" + leader.get().port();
        rrs.add(Kind.SRV, "_leader._tcp." + domain + ".", target);
        rrs.add(Kind.SRV, "_leader._udp." + domain + ".", target);

        boolean leaderNumbered = false;
        int index = 0;
        for (String master : masters) {
            Optional<HostPort> hostPort = HostPort.split(master);
            Optional<InetAddress> masterIp = hostPort.flatMap(hp -> IpLiteral.parse(hp.host()));
            if (masterIp.isEmpty()) {
                continue;
            }
            Kind kind = RecordGenerator.kindOf(masterIp.get());
            String host = hostPort.get().host();
            boolean isLeader = master.equals(leaderAddress);
            if (!isLeader && !rrs.add(kind, all, host)) {
                continue; // the same master listed twice
            }
            if (isLeader && leaderNumbered) {
                continue;
            }
            rrs.add(kind, "master" + index + "." + domain + ".", host);
            index++;
            leaderNumbered |= isLeader;
        }
        if (!leaderNumbered) {
            rrs.add(leaderKind, "master" + index + "." + domain + ".", ip);
        }
    }

    /** {@code host:port} or {@code [v6]:port}. */
    record HostPort(String host, String port) {
        static Optional<HostPort> split(String text) {
            if (text == null) {
                return Optional.empty();
            }
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                return Optional.empty();
            }
            String host = text.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            } else if (host.contains(":")) {
                return Optional.empty(); // a bare IPv6 address without brackets is not host:port
            }
            return Optional.of(new HostPort(host, text.substring(colon + 1)));
        }
    }
}
