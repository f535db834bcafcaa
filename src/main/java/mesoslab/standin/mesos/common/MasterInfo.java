package mesoslab.standin.mesos.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import mesoslab.standin.http.Json;

/**
 * A master as Mesos describes it in its {@code json.info_} znodes ({@code MasterInfo} in JSON):
 * {@code id, ip (uint32, network byte order), port, pid, hostname, version, address{ip,port,hostname}}.
 */
public record MasterInfo(String id, String ip, int port, String hostname, String version) {

    public String pid() {
        return "master@" + ip + ":" + port;
    }

    /** host:port to reach the master over HTTP. */
    public String endpoint() {
        return hostname + ":" + port;
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object().put("id", id).put("ip", packedIp()).put("port", port).put("pid", pid())
                .put("hostname", hostname).put("version", version);
        o.putObject("address").put("ip", ip).put("port", port).put("hostname", hostname);
        return o;
    }

    public static MasterInfo fromJson(JsonNode o) {
        JsonNode address = o.path("address");
        String ip = address.path("ip").asText(null);
        if (ip == null) {
            String pid = o.path("pid").asText();
            ip = pid.substring(pid.indexOf('@') + 1, pid.lastIndexOf(':'));
        }
        return new MasterInfo(o.path("id").asText(), ip, o.path("port").asInt(5050),
                o.path("hostname").asText(ip), o.path("version").asText(""));
    }

    /** Mesos stores the IPv4 address as the uint32 whose in-memory bytes are the address in network order. */
    private long packedIp() {
        try {
            byte[] b = InetAddress.getByName(ip).getAddress();
            if (b.length != 4) {
                return 0;
            }
            return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
        } catch (UnknownHostException e) {
            return 0;
        }
    }
}
