package mesoslab.output;

import java.util.List;
import java.util.Map;

/** How results read on the console: one line for a success, the essentials for a failure. */
final class ResultText {
    private static final int STDERR_LINES = 5;

    private ResultText() {}

    static String compact(Map<String, Object> result) {
        StringBuilder out = new StringBuilder("{");
        result.forEach((k, v) -> {
            if (!k.equals("stdout_lines") && !k.equals("stderr_lines")) {
                out.append(out.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(json(v));
            }
        });
        return out.append('}').toString();
    }

    /** The message, where the task is, the exit code and the last lines of stderr. */
    static String failure(Map<String, Object> result, String where) {
        StringBuilder out = new StringBuilder();
        Object msg = result.get("msg");
        out.append(msg == null ? "the task failed" : String.valueOf(msg));
        if (result.containsKey("censored")) {
            out.append(String.valueOf(result.get("censored")));
        }
        out.append("\n    task: ").append(where);
        if (result.get("rc") != null) {
            out.append("\n    rc: ").append(result.get("rc"));
        }
        if (result.get("cmd") != null) {
            out.append("\n    cmd: ").append(result.get("cmd"));
        }
        Object stderr = result.get("stderr");
        if (stderr != null && !String.valueOf(stderr).isBlank()) {
            List<String> lines = String.valueOf(stderr).strip().lines().toList();
            out.append("\n    stderr (last ").append(Math.min(STDERR_LINES, lines.size())).append(" lines):");
            lines.subList(Math.max(0, lines.size() - STDERR_LINES), lines.size()).forEach(l -> out.append("\n      ").append(l));
        }
        return out.toString();
    }

    static String quoted(String s) {
        return json(s);
    }

    static String value(Object v) {
        return json(v);
    }

    private static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            return compact(map);
        }
        if (v instanceof List<?> l) {
            StringBuilder out = new StringBuilder("[");
            l.forEach(item -> out.append(out.length() > 1 ? ", " : "").append(json(item)));
            return out.append(']').toString();
        }
        return String.valueOf(v);
    }
}
