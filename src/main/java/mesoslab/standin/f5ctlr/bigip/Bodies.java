package mesoslab.standin.f5ctlr.bigip;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mesoslab.standin.f5ctlr.model.BigIpObject;
import mesoslab.standin.f5ctlr.model.Monitor;
import mesoslab.standin.f5ctlr.model.Pool;
import mesoslab.standin.f5ctlr.model.Virtual;
import mesoslab.standin.http.Json;

/**
 * The JSON bodies the controller POSTs and PUTs, shaped as CCCL sends them (reference 3.5, 3.6,
 * 3.8): member names with {@code %rd}, the pool's monitors joined with {@code and}, the
 * virtual's fixed defaults, and a {@code user_agent} metadata entry naming this controller.
 */
public final class Bodies {
    private Bodies() {}

    public static ObjectNode of(BigIpObject object, String userAgent) {
        if (object instanceof Monitor m) {
            return monitor(m);
        } else if (object instanceof Pool p) {
            return pool(p, userAgent);
        } else {
            return virtual((Virtual) object, userAgent);
        }
    }

    static ObjectNode monitor(Monitor m) {
        ObjectNode body = head(m);
        body.put("interval", m.interval());
        body.put("timeout", m.timeout());
        body.put("send", m.send());
        body.put("recv", m.recv());
        return body;
    }

    static ObjectNode pool(Pool p, String userAgent) {
        ObjectNode body = head(p);
        body.put("loadBalancingMode", p.loadBalancingMode());
        body.put("monitor", p.monitors().isEmpty() ? "default" : String.join(" and ", p.monitors()));
        body.putNull("description");
        ObjectNode members = body.putObject("membersReference");
        members.put("isSubcollection", true);
        ArrayNode items = members.putArray("items");
        for (String member : p.members()) {
            ObjectNode item = items.addObject();
            item.put("name", member);
            item.put("partition", p.partition());
            item.put("ratio", 1);
            item.put("connectionLimit", 0);
            item.put("priorityGroup", 0);
            item.put("session", "user-enabled");
            item.putNull("description");
        }
        metadata(body, userAgent);
        return body;
    }

    static ObjectNode virtual(Virtual v, String userAgent) {
        ObjectNode body = head(v);
        body.put("destination", v.destination());
        String rd = v.destination().contains("%") ? v.destination().replaceAll("^.*%(\\d+).*$", "$1") : "0";
        body.put("source", "0.0.0.0%" + rd + "/0");
        body.put("ipProtocol", v.ipProtocol());
        body.put("pool", v.pool());
        body.put(v.enabled() ? "enabled" : "disabled", true);
        body.put("vlansDisabled", true);
        body.putArray("vlans");
        body.put("connectionLimit", 0);
        body.putArray("rules");
        body.putArray("policies");
        ObjectNode snat = body.putObject("sourceAddressTranslation");
        snat.put("type", v.snat().type());
        if (!v.snat().pool().isEmpty()) {
            snat.put("pool", v.snat().pool());
        }
        ArrayNode profiles = body.putArray("profiles");
        for (Virtual.ProfileRef ref : v.profiles()) {
            ObjectNode profile = profiles.addObject();
            profile.put("name", ref.name());
            profile.put("partition", ref.partition());
            // http and tcp serve both sides; a client SSL profile only the client side.
            profile.put("context", ref.name().equals("http") || ref.name().equals("tcp") ? "all" : "clientside");
        }
        metadata(body, userAgent);
        return body;
    }

    private static ObjectNode head(BigIpObject object) {
        ObjectNode body = Json.object();
        body.put("name", object.name());
        body.put("partition", object.partition());
        return body;
    }

    private static void metadata(ObjectNode body, String userAgent) {
        ObjectNode entry = body.putArray("metadata").addObject();
        entry.put("name", "user_agent");
        entry.put("persist", "true");
        entry.put("value", userAgent);
    }
}
