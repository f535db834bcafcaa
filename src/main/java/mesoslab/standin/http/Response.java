package mesoslab.standin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers. {@code body == null} means no body (as for 204 or a redirect).
 */
public record Response(int status, Map<String, String> headers, byte[] body) {

    public static Response json(int status, Object value) {
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(value);
            return new Response(status, Map.of("Content-Type", "application/json"), bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise response", e);
        }
    }

    public static Response json(Object value) {
        return json(200, value);
    }

    public static Response text(int status, String text) {
        return new Response(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                text.getBytes(StandardCharsets.UTF_8));
    }

    public static Response empty(int status) {
        return new Response(status, Map.of(), null);
    }

    public static Response redirect(int status, String location) {
        return new Response(status, Map.of("Location", location), null);
    }

    /** A copy with one more header. */
    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body);
    }
}
