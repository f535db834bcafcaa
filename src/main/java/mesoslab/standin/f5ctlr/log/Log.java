package mesoslab.standin.f5ctlr.log;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The controller's log, with Python logging's level names and its {@code %(name)s}-style format
 * ({@code F5_CC_LOG_FORMAT}); the default format is the real controller's. Thread-safe.
 */
public final class Log {
    public static final String DEFAULT_FORMAT = "%(asctime)s %(name)s: %(levelname) -8s: %(message)s";
    public static final List<String> LEVELS = List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");
    private static final Pattern FIELD = Pattern.compile("%\\((\\w+)\\)\\s*(-?)(\\d*)s");
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final PrintStream out;
    private final int threshold;
    private final String format;
    private final String name;

    public Log(PrintStream out, String level, String format, String name) {
        this.out = out;
        this.threshold = Math.max(0, LEVELS.indexOf(level.toUpperCase(Locale.ROOT)));
        this.format = format;
        this.name = name;
    }

    /** A log that drops everything, for tests that do not look at it. */
    public static Log discard() {
        return new Log(new PrintStream(java.io.OutputStream.nullOutputStream()), "CRITICAL", DEFAULT_FORMAT, "controller");
    }

    public void debug(String message) {
        write(0, message);
    }

    public void info(String message) {
        write(1, message);
    }

    public void warning(String message) {
        write(2, message);
    }

    public void error(String message) {
        write(3, message);
    }

    public boolean isDebug() {
        return threshold == 0;
    }

    private void write(int level, String message) {
        if (level < threshold) {
            return;
        }
        Matcher m = FIELD.matcher(format);
        StringBuilder line = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "asctime" -> LocalDateTime.now().format(ASCTIME);
                case "name" -> name;
                case "levelname" -> LEVELS.get(level);
                case "message" -> message;
                case "thread", "threadName" -> Thread.currentThread().getName();
                default -> "";
            };
            if (!m.group(3).isEmpty()) {
                int width = Integer.parseInt(m.group(3));
                value = m.group(2).isEmpty() ? String.format("%" + width + "s", value) : String.format("%-" + width + "s", value);
            }
            m.appendReplacement(line, Matcher.quoteReplacement(value));
        }
        m.appendTail(line);
        synchronized (out) {
            out.println(line);
        }
    }
}
