package mesoslab.standin.f5ctlr.bigip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import mesoslab.standin.f5ctlr.config.Password;
import mesoslab.standin.f5ctlr.log.Log;
import mesoslab.standin.http.Json;

/**
 * A small iControl REST client over documented calls only, so it works against a real BIG-IP as
 * well as the stand-in. It logs in as f5-icontrol-rest does ({@code POST /mgmt/shared/authn/login}
 * with the JSON body and Basic auth, {@code loginProviderName: tmos}), sends
 * {@code X-F5-Auth-Token} and renews the token a minute before it expires or when a call answers
 * 401. A device without the login endpoint (404) is spoken to with Basic auth instead.
 *
 * <p>Paths are below {@code /mgmt/tm/}; object names are percent-encoded here ({@code %} →
 * {@code %25}), so callers pass names as BIG-IP spells them.
 */
public final class IControlClient implements AutoCloseable {
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final URI base;
    private final String username;
    private final Password password;
    private final HttpClient http;
    private final Duration timeout;
    private final Log log;
    private String token;
    private Instant tokenRenewAt = Instant.MIN;
    private boolean basicOnly;

    public IControlClient(URI base, String username, Password password, SSLContext tls, Duration timeout, Log log) {
        this.base = base;
        this.username = username;
        this.password = password;
        this.timeout = timeout;
        this.log = log;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code /mgmt/tm/<collection>/~<partition>~<name>} for an object. */
    public static String objectPath(String collection, String partition, String name) {
        return collection + "/~" + partition + "~" + name.replace("%", "%25");
    }

    /** {@code GET /mgmt/tm/sys/}: the version from the {@code ?ver=} of its selfLink, as f5-sdk reads it at start. */
    public synchronized String version() throws IControlException {
        String self = get("sys/").path("selfLink").asText("");
        int at = self.indexOf("ver=");
        if (at < 0) {
            throw new IControlException(200, "GET /mgmt/tm/sys/ answered without a ?ver= in its selfLink: " + self);
        }
        return self.substring(at + 4);
    }

    public synchronized JsonNode get(String path) throws IControlException {
        return call("GET", path, null);
    }

    public synchronized JsonNode post(String collection, ObjectNode body) throws IControlException {
        return call("POST", collection, body);
    }

    public synchronized JsonNode put(String path, ObjectNode body) throws IControlException {
        return call("PUT", path, body);
    }

    public synchronized void delete(String path) throws IControlException {
        call("DELETE", path, null);
    }

    private JsonNode call(String method, String path, ObjectNode body) throws IControlException {
        URI uri = base.resolve("/mgmt/tm/" + path);
        HttpResponse<String> response = send(method, uri, body, true);
        if (response.statusCode() == 401 && !basicOnly) {
            // The token may have been revoked or the device restarted: log in once more.
            token = null;
            response = send(method, uri, body, true);
        }
        if (response.statusCode() / 100 != 2) {
            throw failure(method, uri, response);
        }
        String text = response.body();
        try {
            return text == null || text.isBlank() ? Json.object() : Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IControlException(response.statusCode(), method + " " + uri + " answered with a body that is not JSON");
        }
    }

    private HttpResponse<String> send(String method, URI uri, ObjectNode body, boolean authenticate) throws IControlException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (authenticate) {
            ensureLoggedIn();
            if (basicOnly) {
                request.header("Authorization", basic());
            } else {
                request.header("X-F5-Auth-Token", token);
            }
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (log.isDebug()) {
                log.debug(method + " " + uri + " " + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new IControlException("BIG-IP " + base + " unreachable: " + method + " " + uri.getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IControlException("interrupted during " + method + " " + uri, e);
        }
    }

    private void ensureLoggedIn() throws IControlException {
        if (basicOnly || (token != null && Instant.now().isBefore(tokenRenewAt))) {
            return;
        }
        ObjectNode login = Json.object();
        login.put("username", username);
        login.put("password", password.reveal());
        login.put("loginProviderName", "tmos");
        URI uri = base.resolve("/mgmt/shared/authn/login");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json").header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.ofString(login.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IControlException("BIG-IP " + base + " unreachable: POST /mgmt/shared/authn/login: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IControlException("interrupted during login", e);
        }
        if (response.statusCode() == 404) {
            log.info("BIG-IP " + base + " has no token login; using Basic authentication");
            basicOnly = true;
            return;
        }
        if (response.statusCode() != 200) {
            throw failure("POST", uri, response);
        }
        try {
            JsonNode tokenNode = Json.MAPPER.readTree(response.body()).path("token");
            String value = tokenNode.path("token").asText("");
            if (value.isEmpty()) {
                throw new IControlException(200, "login answer from " + base + " has no token.token");
            }
            long lifetime = tokenNode.path("timeout").asLong(1200);
            if (tokenNode.has("expirationMicros") && tokenNode.has("lastUpdateMicros")) {
                lifetime = (tokenNode.get("expirationMicros").asLong() - tokenNode.get("lastUpdateMicros").asLong()) / 1_000_000;
            }
            Duration renewIn = Duration.ofSeconds(lifetime).minus(RENEW_BEFORE_EXPIRY);
            tokenRenewAt = Instant.now().plus(renewIn.isNegative() ? Duration.ofSeconds(lifetime / 2) : renewIn);
            token = value;
        } catch (IOException e) {
            throw new IControlException(200, "login answer from " + base + " is not JSON");
        }
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
    }

    private static IControlException failure(String method, URI uri, HttpResponse<String> response) {
        String message = response.body() == null ? "" : response.body();
        try {
            JsonNode error = Json.MAPPER.readTree(message);
            if (error != null && error.hasNonNull("message")) {
                message = error.get("message").asText();
            }
        } catch (IOException e) {
            // not JSON (restjavad restarting answers HTML): keep the raw text
        }
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        return new IControlException(response.statusCode(), method + " " + uri.getRawPath() + " answered " + response.statusCode()
                + ": " + message);
    }

    /** Gives the token back ({@code DELETE /mgmt/shared/authz/tokens/<token>}); failures do not matter any more. */
    @Override
    public synchronized void close() {
        if (token == null) {
            return;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/mgmt/shared/authz/tokens/" + token)).timeout(timeout)
                    .header("X-F5-Auth-Token", token).DELETE().build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the BIG-IP expires it anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        token = null;
    }
}
