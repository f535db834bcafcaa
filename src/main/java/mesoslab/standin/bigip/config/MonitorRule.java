package mesoslab.standin.bigip.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A pool's or member's {@code monitor} property read as the monitors it names:
 * {@code "/P/a and /P/b"}, {@code "min 1 of { /P/a /P/b }"}, or a bare built-in name (in Common).
 * {@code default} and {@code none} name nothing.
 */
public final class MonitorRule {
    private static final Set<String> WORDS = Set.of("and", "min", "of", "default", "none");

    private MonitorRule() {}

    public static List<String> paths(String monitor) {
        List<String> paths = new ArrayList<>();
        for (String token : monitor.trim().split("[\\s{}]+")) {
            if (!token.isEmpty() && !WORDS.contains(token) && !token.matches("\\d+")) {
                paths.add(token.startsWith("/") ? token : "/" + ObjectId.COMMON + "/" + token);
            }
        }
        return paths;
    }
}
