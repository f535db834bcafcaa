package mesoslab.standin.mesosdns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;
import mesoslab.standin.http.Response;
import mesoslab.standin.http.StandInHttpServer;

/**
 * Two Mesos masters over real HTTP on loopback: the leader serves {@code /master/state} from a
 * document the test can replace; the other answers 307 with the protocol-relative
 * {@code Location} a Mesos 1.x non-leader sends.
 */
final class FakeMasters implements AutoCloseable {
    final StandInHttpServer leader;
    final StandInHttpServer follower;
    private final AtomicReference<ObjectNode> state = new AtomicReference<>();

    FakeMasters() throws IOException {
        leader = StandInHttpServer.http(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .get("/master/state", r -> Response.json(state.get())).start();
        follower = StandInHttpServer.http(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .get("/master/state", r -> Response.redirect(307, "//127.0.0.1:" + leader.port() + "/master/state")).start();
    }

    String leaderAddress() {
        return "127.0.0.1:" + leader.port();
    }

    String followerAddress() {
        return "127.0.0.1:" + follower.port();
    }

    /** A state whose leader is this fake leader, with the given agents. */
    StateFixture newState() {
        return new StateFixture("127.0.0.1", leader.port());
    }

    void serve(StateFixture fixture) {
        state.set(fixture.json().deepCopy());
    }

    @Override
    public void close() {
        leader.close();
        follower.close();
    }
}
