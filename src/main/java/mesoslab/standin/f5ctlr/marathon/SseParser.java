package mesoslab.standin.f5ctlr.marathon;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server-sent-events line protocol: {@code event:} and {@code data:} fields until a blank
 * line dispatches the message; {@code :} starts a comment; several {@code data:} lines join with a
 * newline. Not thread-safe; one per connection.
 */
public final class SseParser {
    /** One dispatched message; {@code data} is empty for a keep-alive. */
    public record Message(String event, String data) {}

    private String event = "";
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    /** Feeds one line (without its line end); a blank line may complete a message. */
    public Optional<Message> feed(String line) {
        if (line.isEmpty()) {
            Optional<Message> out = Optional.of(new Message(event, hasData ? data.toString() : ""));
            event = "";
            data.setLength(0);
            hasData = false;
            return out;
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("event")) {
            event = value;
        } else if (field.equals("data")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        }
        return Optional.empty();
    }

    /**
     * The {@code eventType} of each JSON document in a message's data. Marathon sometimes sends
     * several documents in one message, separated by CRLF, and empty data as a keep-alive.
     */
    public static List<String> eventTypes(String data) {
        List<String> types = new ArrayList<>();
        for (String doc : data.split("\r?\n")) {
            if (doc.isBlank()) {
                continue;
            }
            try {
                types.add(mesoslab.standin.http.Json.MAPPER.readTree(doc).path("eventType").asText(""));
            } catch (java.io.IOException e) {
                types.add("");
            }
        }
        return types;
    }
}
