package mesoslab.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoslab.events.HostStats;
import mesoslab.events.RunEvent;
import mesoslab.events.RunListener;

/**
 * The whole run as one JSON document ({@code --output json}): plays, their tasks, every host's
 * result, and the stats, shaped like Ansible's json callback. Written when the run finishes.
 */
public final class JsonReporter implements RunListener {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Writer out;
    private final List<Map<String, Object>> plays = new ArrayList<>();
    private Map<String, Object> currentTask;

    public JsonReporter(Writer out) {
        this.out = out;
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (event instanceof RunEvent.PlayStarted e) {
            Map<String, Object> play = new LinkedHashMap<>();
            play.put("play", Map.of("name", e.name(), "hosts", e.hosts()));
            play.put("tasks", new ArrayList<Map<String, Object>>());
            plays.add(play);
        } else if (event instanceof RunEvent.TaskStarted e) {
            currentTask = new LinkedHashMap<>();
            currentTask.put("task", Map.of("name", e.name(), "path", e.where(), "handler", e.handler()));
            currentTask.put("hosts", new LinkedHashMap<String, Object>());
            tasks().add(currentTask);
        } else if (event instanceof RunEvent.HostDone e && currentTask != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> hosts = (Map<String, Object>) currentTask.get("hosts");
            Map<String, Object> result = new LinkedHashMap<>(e.result());
            result.put("outcome", e.outcome().name().toLowerCase(java.util.Locale.ROOT));
            if (e.item() != null) {
                result.put("item", e.item());
            }
            if (e.diff() != null) {
                result.put("diff", e.diff());
            }
            hosts.merge(e.host(), result, (a, b) -> merge(a, b));
        } else if (event instanceof RunEvent.PlaybookFinished e) {
            write(e.stats(), e.elapsedMillis());
        }
    }

    @SuppressWarnings("unchecked")
    private static Object merge(Object existing, Object next) {
        List<Object> items = existing instanceof Map<?, ?> m && m.containsKey("results") && m.size() == 1
                ? (List<Object>) m.get("results") : new ArrayList<>(List.of(existing));
        items.add(next);
        return Map.of("results", items);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> tasks() {
        if (plays.isEmpty()) {
            Map<String, Object> play = new LinkedHashMap<>();
            play.put("play", Map.of("name", "", "hosts", List.of()));
            play.put("tasks", new ArrayList<Map<String, Object>>());
            plays.add(play);
        }
        return (List<Map<String, Object>>) plays.get(plays.size() - 1).get("tasks");
    }

    private void write(Map<String, HostStats> stats, long millis) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("plays", plays);
        doc.put("stats", stats);
        doc.put("elapsed_seconds", millis / 1000.0);
        try {
            MAPPER.writeValue(out, doc);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
