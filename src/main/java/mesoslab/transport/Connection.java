package mesoslab.transport;

/**
 * A connection to one host, open for the whole run: commands run over it, files go to and come
 * from it, paths are described. Implementations: {@code local} (this machine) and {@code ssh} (one session per host,
 * a channel per command).
 *
 * <p>Thread-safety: a connection is used by one thread at a time (the host's worker).
 * {@link #close()} is idempotent. Failures to reach the host throw
 * {@link HostUnreachableException}; a command that runs and fails is not an exception but a
 * {@link CommandResult} with a non-zero {@code rc}.
 */
public interface Connection extends AutoCloseable {

    /** The inventory name of the host this connection reaches. */
    String host();

    /** Runs a command and waits for it (up to its timeout, then kills it). */
    CommandResult exec(Command command);

    /**
     * Writes {@code content} to {@code path} atomically: into a temporary file in the same
     * folder, then renamed over the target, so no reader ever sees a half-written file.
     *
     * @param mode octal permission bits such as {@code "0644"}, or null to keep the default
     */
    default void put(byte[] content, String path, String mode, Become become) {
        // One round trip on any POSIX host, over any transport: stdin into a temp file beside the
        // target, mode set, then renamed over it.
        CommandResult r = exec(Command.shell(AtomicWrite.script(path, mode)).withStdin(content).as(become));
        if (!r.ok()) {
            throw new TransportException(host(), "cannot write " + path + ": " + r.stderr().strip(),
                    "Check that the folder exists and is writable (or use become)", null);
        }
    }

    /**
     * What {@code path} is (type, mode, owner, group, size, SHA-256 of a regular file, a link's
     * target) in one round trip; {@link FileState#ABSENT} when there is nothing there.
     */
    default FileState stat(String path, Become become) {
        return RemoteStat.parse(exec(Command.shell(RemoteStat.script(path)).as(become)));
    }

    /** Reads a whole file; throws {@link TransportException} when it cannot be read. */
    byte[] fetch(String path, Become become);

    @Override
    void close();
}
