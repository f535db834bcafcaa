package mesoslab.cli;

import java.util.Map;

/** Whether to colour output: only on an interactive terminal, never with NO_COLOR or TERM=dumb. */
final class Terminal {
    private Terminal() {}

    static boolean colour(Map<String, String> env) {
        return System.console() != null && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
    }
}
