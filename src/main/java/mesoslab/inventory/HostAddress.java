package mesoslab.inventory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A host key as written in an inventory: a name (maybe with ranges) and an optional {@code :port}. */
record HostAddress(String name, Integer port) {
    private static final Pattern BRACKETED_V6 = Pattern.compile("^\\[([^\\]]*:[^\\]]*)\\]:(\\d+)$");
    private static final Pattern NAME_PORT = Pattern.compile("^((?:[^:\\[\\]]|\\[[^\\]]*\\])+):(\\d+)$");

    static HostAddress parse(String key) {
        Matcher v6 = BRACKETED_V6.matcher(key);
        if (v6.matches()) {
            return new HostAddress(v6.group(1), Integer.valueOf(v6.group(2)));
        }
        Matcher m = NAME_PORT.matcher(key);
        if (m.matches()) {
            return new HostAddress(m.group(1), Integer.valueOf(m.group(2)));
        }
        return new HostAddress(key, null);
    }
}
