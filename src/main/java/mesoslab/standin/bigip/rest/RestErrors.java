package mesoslab.standin.bigip.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;
import mesoslab.standin.bigip.config.ConfigException;
import mesoslab.standin.http.HttpError;
import mesoslab.standin.http.Json;
import mesoslab.standin.http.Request;
import mesoslab.standin.http.Response;

/**
 * F5's two error body shapes: mcpd's ({@code code}, {@code message}, {@code errorStack},
 * {@code apiError}) for configuration refusals, and the REST framework's ({@code referer},
 * {@code restOperationId}, {@code kind ":resterrorresponse"}) for authentication and unknown URIs.
 */
final class RestErrors {
    private static final AtomicLong OPERATION_IDS = new AtomicLong(7_945_900);

    private RestErrors() {}

    static HttpError mcpd(ConfigException e) {
        ObjectNode body = Json.object();
        body.put("code", e.code());
        body.put("message", e.getMessage());
        body.putArray("errorStack");
        body.put("apiError", e.apiError());
        return new HttpError(Response.json(e.code(), body), e.getMessage());
    }

    static HttpError framework(int code, String message, Request request) {
        ObjectNode body = Json.object();
        body.put("code", code);
        body.put("message", message);
        body.put("referer", referer(request));
        body.put("restOperationId", OPERATION_IDS.incrementAndGet());
        body.putArray("errorStack");
        body.put("kind", ":resterrorresponse");
        Response response = Response.json(code, body);
        if (code == 401) {
            // Lets curl and browsers know Basic auth is accepted, as BIG-IP's front end does.
            response = response.withHeader("WWW-Authenticate", "Basic realm=\"Enterprise Manager\"");
        }
        return new HttpError(response, message);
    }

    static String referer(Request request) {
        return request.remote() == null ? "localhost" : request.remote().getAddress().getHostAddress();
    }

    /** The URI as restjavad sees it behind the front end: {@code http://localhost:8100/mgmt/...}. */
    static String internalUri(Request request) {
        return "http://localhost:8100" + request.path();
    }
}
