package mesoslab.standin.bigip.config;

/**
 * A partitioned object's identity. F5 spells it three ways: {@code ~mesos~name} in URLs,
 * {@code /mesos/name} in {@code fullPath} and references, and {@code name} plus
 * {@code partition} in bodies. A name without a partition lives in {@code Common}.
 */
public record ObjectId(String partition, String name) {
    public static final String COMMON = "Common";

    /** Parses {@code ~P~name}, {@code /P/name} or a bare {@code name} (then in {@code fallbackPartition}). */
    public static ObjectId parse(String text, String fallbackPartition) {
        String s = text.trim();
        if (s.startsWith("~") || s.startsWith("/")) {
            String sep = s.substring(0, 1);
            int second = s.indexOf(sep, 1);
            if (second > 1) {
                // Folders (~P~folder~name) keep their folder in the name, as fullPath /P/folder/name does.
                return new ObjectId(s.substring(1, second), s.substring(second + 1).replace('~', '/'));
            }
            return new ObjectId(fallbackPartition, s.substring(1));
        }
        return new ObjectId(fallbackPartition, s);
    }

    public String fullPath() {
        return "/" + partition + "/" + name;
    }

    /** The URL segment, {@code ~P~name}. */
    public String tildePath() {
        return "~" + partition + "~" + name.replace('/', '~');
    }

    @Override
    public String toString() {
        return fullPath();
    }
}
