package mesoslab.standin.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as a stand-in route sees it.
 *
 * @param method      upper-case HTTP method
 * @param path        the decoded path, without query string
 * @param pathParams  values captured by {@code {name}} segments of the route pattern
 * @param query       decoded query parameters (a repeated parameter keeps every value, in order)
 * @param headers     request headers, keys lower-cased
 * @param body        the raw body (empty, never null)
 * @param remote      the peer's address
 */
public record Request(
        String method,
        String path,
        Map<String, String> pathParams,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        byte[] body,
        InetSocketAddress remote) {

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The first value of a query parameter, or {@code fallback} when absent. */
    public String queryParam(String name, String fallback) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON; throws {@link HttpError} 400 when it is not JSON. */
    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new HttpError(400, "request body is not valid JSON: " + e.getMessage());
        }
    }
}
