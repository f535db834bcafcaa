package mesoslab.standin.bigip;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Starts stand-ins for tests on 127.0.0.1 with a free management port. */
final class StandIns {
    static final String USER = "admin";
    static final String PASSWORD = "s3cret-lab";

    /** What the stand-in logged, for failure messages. */
    static final List<String> LOG = new CopyOnWriteArrayList<>();

    private StandIns() {}

    static BigIpStandIn start(Path state) throws Exception {
        return start(state, 0);
    }

    static BigIpStandIn start(Path state, int mgmtPort) throws Exception {
        BigIpFlags flags = new BigIpFlags(new InetSocketAddress("127.0.0.1", mgmtPort), USER, PASSWORD, List.of(), state);
        return BigIpStandIn.start(flags, LOG::add);
    }
}
