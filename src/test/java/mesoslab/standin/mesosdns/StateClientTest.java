package mesoslab.standin.mesosdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import mesoslab.standin.http.Response;
import mesoslab.standin.http.StandInHttpServer;
import org.junit.jupiter.api.Test;

class StateClientTest {
    private final StateClient client = new StateClient(Duration.ofSeconds(2), false);

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void fallsBackToTheNextMasterWhenOneIsDown() throws Exception {
        try (FakeMasters masters = new FakeMasters()) {
            masters.serve(masters.newState().agent(0, "127.0.0.21"));

            MasterState state = client.load(List.of("127.0.0.1:" + closedPort(), masters.followerAddress()));

            assertThat(state.leader()).isEqualTo("master@" + masters.leaderAddress());
            assertThat(state.agents()).hasSize(1);
        }
    }

    @Test
    void aMasterWithoutLeaderAnswers503AndNothingLoads() throws Exception {
        try (StandInHttpServer noLeader = StandInHttpServer.http(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .get("/master/state", r -> Response.text(503, "no leader")).start()) {
            assertThatThrownBy(() -> client.load(List.of("", "127.0.0.1:" + noLeader.port())))
                    .isInstanceOf(StateLoadException.class).hasMessageContaining("503");
        }
    }
}
