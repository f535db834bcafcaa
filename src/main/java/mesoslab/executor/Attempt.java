package mesoslab.executor;

import java.util.LinkedHashMap;
import java.util.Map;
import mesoslab.events.Outcome;

/** One module call's result as the executor keeps it. */
record Attempt(Map<String, Object> data, String diff, boolean unreachable, java.util.List<String> shown) {

    Attempt(Map<String, Object> data, String diff, boolean unreachable) {
        this(data, diff, unreachable, java.util.List.of());
    }

    static Attempt skipped() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("changed", false);
        data.put("skipped", true);
        data.put("skip_reason", "Conditional result was False");
        return new Attempt(data, null, false);
    }

    static Attempt failed(String msg) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("changed", false);
        data.put("failed", true);
        data.put("msg", msg);
        return new Attempt(data, null, false);
    }

    Attempt failedWith(String msg) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put("failed", true);
        copy.put("msg", msg);
        return new Attempt(copy, diff, unreachable, shown);
    }

    Outcome outcome(boolean ignoreErrors) {
        if (unreachable) {
            return Outcome.UNREACHABLE;
        }
        if (Boolean.TRUE.equals(data.get("skipped"))) {
            return Outcome.SKIPPED;
        }
        if (Boolean.TRUE.equals(data.get("failed"))) {
            return ignoreErrors ? Outcome.IGNORED : Outcome.FAILED;
        }
        return Boolean.TRUE.equals(data.get("changed")) ? Outcome.CHANGED : Outcome.OK;
    }
}
