package mesoslab.standin.mesos.flags;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration flag value as stout writes and reads it: a (possibly fractional) number followed by
 * one of the units {@code ns us ms secs mins hrs days weeks}, e.g. {@code 10secs}, {@code 1.5mins}.
 */
public final class MesosDuration {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|secs|mins|hrs|days|weeks)");
    private static final Map<String, Double> MILLIS_PER_UNIT = Map.of("ns", 1e-6, "us", 1e-3, "ms", 1.0, "secs", 1e3,
            "mins", 60e3, "hrs", 3600e3, "days", 86_400e3, "weeks", 604_800e3);

    private MesosDuration() {}

    /** The value of flag {@code name} in milliseconds (rounded down). */
    public static long millis(String name, String value) throws FlagException {
        Matcher m = FORM.matcher(value.strip());
        if (!m.matches()) {
            throw new FlagException("Failed to load flag '" + name + "': Failed to parse '" + value
                    + "' as a duration: expected a number followed by ns, us, ms, secs, mins, hrs, days or weeks");
        }
        return (long) (Double.parseDouble(m.group(1)) * MILLIS_PER_UNIT.get(m.group(2)));
    }
}
