package mesoslab.standin.bigip.rest;

import java.time.Clock;
import java.util.List;
import mesoslab.standin.bigip.config.Mcpd;
import mesoslab.standin.bigip.config.Partitions;
import mesoslab.standin.bigip.dataplane.MemberHealth;
import mesoslab.standin.http.StandInHttpServer;

/**
 * iControl REST on the management address: wires authentication, the sys and partition
 * endpoints and every {@code /mgmt/tm} collection onto one HTTPS server.
 */
public final class IControlRest {
    /** The device version in every {@code selfLink}'s {@code ?ver=}. */
    public static final String VERSION = SystemEndpoints.VERSION;

    private IControlRest() {}

    /**
     * Adds the routes to {@code http} (not yet started).
     *
     * @param tokenTimeoutSeconds the lifetime of new login tokens (BIG-IP: 1200)
     */
    public static void register(StandInHttpServer http, Mcpd mcpd, MemberHealth health, String user, String password,
            List<String> selfIps, Clock clock, long tokenTimeoutSeconds) {
        TokenStore tokens = new TokenStore(clock, tokenTimeoutSeconds);
        Authenticator authenticator = new Authenticator(user, password, tokens);
        Renderer renderer = new Renderer(VERSION, health);
        new AuthEndpoints(authenticator, tokens).register(http);
        new SystemEndpoints(new Partitions(mcpd), renderer, authenticator, selfIps).register(http);
        TmResources tm = new TmResources(mcpd, renderer);
        http.route("*", "/mgmt/tm/{rest...}", request -> {
            authenticator.authenticate(request);
            return tm.handle(request, request.pathParam("rest"));
        });
        http.route("*", "/mgmt/{rest...}", request -> {
            authenticator.authenticate(request);
            throw RestErrors.framework(404, "Public URI path not registered: /" + request.pathParam("rest"), request);
        });
    }

    /** Same, with BIG-IP's token lifetime. */
    public static void register(StandInHttpServer http, Mcpd mcpd, MemberHealth health, String user, String password,
            List<String> selfIps) {
        register(http, mcpd, health, user, password, selfIps, Clock.systemUTC(), TokenStore.DEFAULT_TIMEOUT_SECONDS);
    }
}
