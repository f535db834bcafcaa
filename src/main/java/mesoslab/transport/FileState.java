package mesoslab.transport;

/**
 * What a path is on the host, from one round trip: type ({@code file}, {@code directory},
 * {@code link}, or null when absent), octal mode, owner, group, size, SHA-256 of a regular file,
 * and a link's target.
 */
public record FileState(String type, String mode, String owner, String group, long size, String sha256, String linkTarget) {
    public static final FileState ABSENT = new FileState(null, null, null, null, 0, null, null);

    public boolean exists() {
        return type != null;
    }

    public boolean isFile() {
        return "file".equals(type);
    }

    public boolean isDirectory() {
        return "directory".equals(type);
    }

    public boolean isLink() {
        return "link".equals(type);
    }
}
