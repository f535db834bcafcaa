package mesoslab.standin.f5ctlr.desired;

import java.util.List;
import mesoslab.standin.f5ctlr.marathon.MarathonApp.HealthCheck;
import mesoslab.standin.f5ctlr.model.Virtual.ProfileRef;

/**
 * One service port of an app after its {@code F5_{n}_*} labels were read and checked.
 *
 * @param index       the service port index n
 * @param port        {@code F5_{n}_PORT}, else Marathon's service port; used for names and the VS port
 * @param bindAddr    {@code F5_{n}_BIND_ADDR}, {@code null} for a pool without a virtual server
 * @param mode        {@code http}, {@code tcp} or {@code udp}, lower case
 * @param sslProfile  {@code F5_{n}_SSL_PROFILE} as partition and name, or {@code null}
 * @param checks      the app's health checks that apply to this port, in the app's order
 */
public record ServiceSpec(int index, int port, String bindAddr, String mode, String balance, ProfileRef sslProfile,
        List<HealthCheck> checks) {
    public ServiceSpec {
        checks = List.copyOf(checks);
    }
}
