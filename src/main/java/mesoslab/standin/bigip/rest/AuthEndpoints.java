package mesoslab.standin.bigip.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import mesoslab.standin.http.HttpError;
import mesoslab.standin.http.Json;
import mesoslab.standin.http.Request;
import mesoslab.standin.http.Response;
import mesoslab.standin.http.StandInHttpServer;

/**
 * {@code POST /mgmt/shared/authn/login} and {@code /mgmt/shared/authz/tokens/{token}}, in the
 * shapes f5-icontrol-rest reads ({@code token.token}, {@code token.lastUpdateMicros},
 * {@code token.expirationMicros}, {@code token.timeout}).
 */
final class AuthEndpoints {
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneId.systemDefault());
    private static final String TOKEN_KIND = "shared:authz:tokens:authtokenitemstate";

    private final Authenticator authenticator;
    private final TokenStore tokens;

    AuthEndpoints(Authenticator authenticator, TokenStore tokens) {
        this.authenticator = authenticator;
        this.tokens = tokens;
    }

    void register(StandInHttpServer http) {
        http.post("/mgmt/shared/authn/login", this::login);
        http.get("/mgmt/shared/authz/tokens/{token}", r -> withToken(r, token -> Response.json(tokenJson(token))));
        http.patch("/mgmt/shared/authz/tokens/{token}", this::patch);
        http.delete("/mgmt/shared/authz/tokens/{token}", r -> withToken(r, token -> {
            tokens.remove(token.value());
            return Response.json(tokenJson(token));
        }));
    }

    private Response login(Request request) {
        JsonNode body = request.json();
        String user = body.path("username").asText("");
        if (!authenticator.matches(user, body.path("password").asText(""))) {
            throw RestErrors.framework(401, "Authentication failed.", request);
        }
        String provider = body.path("loginProviderName").asText("tmos");
        TokenStore.Token token = tokens.issue(user, RestErrors.referer(request));
        ObjectNode answer = Json.object();
        answer.put("username", user);
        answer.putObject("loginReference").put("link",
                "https://localhost/mgmt/cm/system/authn/providers/" + provider + "/1f44a60e-11a7-3c51-a49f-82983026b41b/login");
        answer.put("loginProviderName", provider);
        answer.set("token", tokenJson(token));
        answer.put("generation", 0);
        answer.put("lastUpdateMicros", 0);
        return Response.json(answer);
    }

    private Response patch(Request request) {
        return withToken(request, token -> {
            JsonNode timeout = request.json().path("timeout");
            if (timeout.canConvertToLong()) {
                if (!tokens.setTimeout(token.value(), timeout.asLong())) {
                    throw RestErrors.framework(406, "Auth-token absolute timeout (" + TokenStore.MAX_TIMEOUT_SECONDS
                            + " seconds) exceeded", request);
                }
            }
            return Response.json(tokenJson(tokens.find(token.value()).orElse(token)));
        });
    }

    private Response withToken(Request request, TokenAction action) {
        authenticator.authenticate(request);
        String value = request.pathParam("token");
        TokenStore.Token token = tokens.find(value).orElseThrow(() ->
                RestErrors.framework(404, "Object not found for " + request.path(), request));
        return action.apply(token);
    }

    @FunctionalInterface
    private interface TokenAction {
        Response apply(TokenStore.Token token) throws HttpError;
    }

    static ObjectNode tokenJson(TokenStore.Token token) {
        ObjectNode t = Json.object();
        t.put("token", token.value());
        t.put("name", token.value());
        t.put("userName", token.user());
        t.put("authProviderName", "tmos");
        t.putObject("user").put("link", "https://localhost/mgmt/shared/authz/users/" + token.user());
        t.putArray("groupReferences");
        t.put("timeout", token.timeoutSeconds());
        t.put("startTime", START_TIME.format(Instant.ofEpochMilli(token.startMicros() / 1000)));
        t.put("address", token.address());
        t.put("partition", "[All]");
        t.put("generation", token.generation());
        t.put("lastUpdateMicros", token.lastUpdateMicros());
        t.put("expirationMicros", token.expirationMicros());
        t.put("kind", TOKEN_KIND);
        t.put("selfLink", "https://localhost/mgmt/shared/authz/tokens/" + token.value());
        return t;
    }
}
