package mesoslab.standin.bigip.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mesoslab.standin.bigip.config.Config;
import mesoslab.standin.bigip.config.Destination;
import mesoslab.standin.bigip.config.MonitorRule;
import mesoslab.standin.bigip.config.ObjectTypes;

/**
 * The part of a committed configuration the data plane acts on, as plain records: which virtual
 * servers listen where, which members each pool has and which monitors watch them.
 */
record LbModel(Map<InetSocketAddress, Virtual> virtuals, Map<String, Pool> pools, Map<String, Monitor> monitors) {

    /** An enabled virtual server with a usable destination. */
    record Virtual(String fullPath, InetSocketAddress listen, String pool) {}

    /** A member as the data plane sees it; {@code monitors} already resolved from the pool when "default". */
    record Member(String fullPath, String host, int port, boolean enabled, List<String> monitors) {}

    record Pool(String fullPath, List<Member> members) {}

    /**
     * @param type     the monitor collection's leaf: http, https, tcp, udp, gateway-icmp
     * @param send     with BIG-IP's literal escapes ({@code \r\n}) still in it
     */
    record Monitor(String fullPath, String type, int intervalSeconds, int timeoutSeconds, String send, String recv) {}

    static LbModel from(Config config) {
        Map<InetSocketAddress, Virtual> virtuals = new LinkedHashMap<>();
        for (ObjectNode v : config.all(ObjectTypes.VIRTUAL)) {
            Optional<Destination> d = Destination.parse(v.path("destination").asText(""));
            if (v.path("disabled").asBoolean(false) || d.isEmpty() || d.get().port() == 0) {
                continue;
            }
            InetSocketAddress listen = new InetSocketAddress(d.get().address(), d.get().port());
            virtuals.put(listen, new Virtual(v.path("fullPath").asText(), listen, v.path("pool").asText("")));
        }
        Map<String, Monitor> monitors = new LinkedHashMap<>();
        for (var type : ObjectTypes.MONITORS) {
            for (ObjectNode m : config.all(type)) {
                monitors.put(m.path("fullPath").asText(), new Monitor(m.path("fullPath").asText(), type.leaf(),
                        Math.max(1, m.path("interval").asInt(5)), Math.max(1, m.path("timeout").asInt(16)),
                        m.path("send").asText(""), m.path("recv").asText("")));
            }
        }
        Map<String, Pool> pools = new LinkedHashMap<>();
        for (ObjectNode p : config.all(ObjectTypes.POOL)) {
            List<String> poolMonitors = MonitorRule.paths(p.path("monitor").asText(""));
            List<Member> members = new ArrayList<>();
            for (JsonNode m : p.path("members")) {
                members.add(member(config, m, poolMonitors));
            }
            pools.put(p.path("fullPath").asText(), new Pool(p.path("fullPath").asText(), List.copyOf(members)));
        }
        return new LbModel(virtuals, pools, monitors);
    }

    private static Member member(Config config, JsonNode m, List<String> poolMonitors) {
        String own = m.path("monitor").asText("default").trim();
        List<String> monitors = own.isEmpty() || own.equals("default") ? poolMonitors : MonitorRule.paths(own);
        String address = m.path("address").asText("");
        String host = address.contains("%") ? address.substring(0, address.indexOf('%')) : address;
        int port = Destination.parse(m.path("name").asText()).map(Destination::port).orElse(0);
        ObjectNode node = config.find(ObjectTypes.NODE, "/" + m.path("partition").asText() + "/"
                + Destination.memberNode(m.path("name").asText()));
        boolean enabled = !m.path("session").asText().equals("user-disabled") && !m.path("state").asText().equals("user-down")
                && (node == null || (!node.path("session").asText().equals("user-disabled")
                        && !node.path("state").asText().equals("user-down")));
        return new Member(m.path("fullPath").asText(), host, port, enabled, monitors);
    }
}
