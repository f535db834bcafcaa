package mesoslab.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code check} block a verifying module puts in its result for the verify report: the
 * check's name, its status ({@code pass}, {@code degraded} or {@code fail}), a one-line summary
 * and the evidence lines.
 */
public final class CheckBlock {
    private CheckBlock() {}

    public static Map<String, Object> of(String name, String status, String summary, List<String> evidence) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("name", name);
        block.put("status", status);
        block.put("summary", summary);
        block.put("evidence", evidence);
        return block;
    }
}
