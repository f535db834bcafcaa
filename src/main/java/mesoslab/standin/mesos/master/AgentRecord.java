package mesoslab.standin.mesos.master;

import mesoslab.standin.mesos.common.Attributes;
import mesoslab.standin.mesos.common.Resources;

/** A registered agent as the master tracks it; mutable fields guarded by {@link MasterState}. */
final class AgentRecord {
    final String id;
    final String hostname;
    final String ip;
    final int port;
    final Resources total;
    final Attributes attributes;
    final double registeredTime;
    Resources used = Resources.EMPTY;
    Resources offered = Resources.EMPTY;
    long lastPingMillis = System.currentTimeMillis();
    boolean active = true;

    AgentRecord(String id, String hostname, String ip, int port, Resources total, Attributes attributes) {
        this.id = id;
        this.hostname = hostname;
        this.ip = ip;
        this.port = port;
        this.total = total;
        this.attributes = attributes;
        this.registeredTime = System.currentTimeMillis() / 1000.0;
    }

    String pid() {
        return "slave(1)@" + ip + ":" + port;
    }

    String endpoint() {
        return ip + ":" + port;
    }

    Resources available() {
        return total.minus(used).minus(offered);
    }
}
