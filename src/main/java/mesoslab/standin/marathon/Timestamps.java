package mesoslab.standin.marathon;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Marathon writes times and versions as ISO-8601 UTC with milliseconds: {@code 2024-05-01T10:00:00.123Z}. */
final class Timestamps {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static long lastMillis;

    private Timestamps() {}

    static String format(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }

    static String now() {
        return format(System.currentTimeMillis());
    }

    /** A version stamp that never repeats, even for two changes within one millisecond. */
    static synchronized String newVersion() {
        long now = Math.max(System.currentTimeMillis(), lastMillis + 1);
        lastMillis = now;
        return format(now);
    }
}
