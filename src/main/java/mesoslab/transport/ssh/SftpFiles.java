package mesoslab.transport.ssh;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import mesoslab.transport.TransportException;

/**
 * Files over the session's one SFTP channel, opened on first use and kept for the whole run.
 * Writes are atomic: a temporary file in the target's own folder (so the rename stays on one
 * file system) that gets its final mode while still empty (a 0600 secret is never readable by
 * others, not even for a moment), then the content, then OpenSSH's posix-rename over the target.
 *
 * <p>SFTP acts as the login user only, so callers use it when no become is asked for; a host
 * whose sshd has no SFTP subsystem (or no posix-rename extension) is remembered as such and the
 * caller falls back to exec.
 */
final class SftpFiles {
    private static final int DEFAULT_MODE = 0644;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String host;
    private final Session session;
    private ChannelSftp channel;
    private boolean unavailable;

    SftpFiles(String host, Session session) {
        this.host = host;
        this.session = session;
    }

    /**
     * Whether SFTP can carry this path. JSch expands {@code *} and {@code ?} (and treats a
     * backslash as an escape) in remote paths, so such names go by exec instead.
     */
    boolean canCarry(String path) {
        return !unavailable && path.chars().noneMatch(ch -> ch == '*' || ch == '?' || ch == '\\');
    }

    /**
     * Writes {@code content} to {@code path} atomically; false when this host has no SFTP, or the
     * mode is symbolic ({@code u+x}), which only chmod understands.
     */
    boolean put(byte[] content, String path, String mode) {
        if (mode != null && !mode.matches("[0-7]{3,4}")) {
            return false;
        }
        ChannelSftp sftp = channel();
        if (sftp == null) {
            return false;
        }
        String temp = folder(path) + ".mesoslab." + HexFormat.of().formatHex(nonce());
        try {
            int permissions = mode != null ? Integer.parseInt(mode, 8) : existingPermissions(sftp, path);
            sftp.put(new ByteArrayInputStream(new byte[0]), temp, ChannelSftp.OVERWRITE);
            sftp.chmod(permissions, temp);
            sftp.put(new ByteArrayInputStream(content), temp, ChannelSftp.OVERWRITE);
            sftp.rename(temp, path);
            return true;
        } catch (SftpException e) {
            removeQuietly(sftp, temp);
            throw new TransportException(host, "cannot write " + path + ": " + describe(e),
                    "Check that the folder exists and is writable by the login user (or use become)", e);
        }
    }

    /** The file's bytes; null when this host has no SFTP. */
    byte[] get(String path) {
        ChannelSftp sftp = channel();
        if (sftp == null) {
            return null;
        }
        try (InputStream in = sftp.get(path)) {
            return in.readAllBytes();
        } catch (SftpException e) {
            throw new TransportException(host, "cannot read " + path + ": " + describe(e), "Check that the file exists", e);
        } catch (IOException e) {
            throw new TransportException(host, "cannot read " + path + ": " + e.getMessage(), "Check the host's sshd", e);
        }
    }

    void close() {
        if (channel != null) {
            channel.disconnect();
        }
    }

    private ChannelSftp channel() {
        if (channel != null && channel.isConnected()) {
            return channel;
        }
        if (unavailable) {
            return null;
        }
        try {
            ChannelSftp opened = (ChannelSftp) session.openChannel("sftp");
            opened.connect(10_000);
            if (opened.getExtension("posix-rename@openssh.com") == null) {
                // Plain SFTP rename refuses to replace an existing file: no atomic write this way.
                opened.disconnect();
                unavailable = true;
                return null;
            }
            channel = opened;
            return channel;
        } catch (JSchException e) {
            // No SFTP subsystem here (or the server refused the channel): exec can still write.
            unavailable = true;
            return null;
        }
    }

    private static int existingPermissions(ChannelSftp sftp, String path) throws SftpException {
        try {
            return sftp.stat(path).getPermissions() & 07777;
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return DEFAULT_MODE;
            }
            throw e;
        }
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    private static byte[] nonce() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void removeQuietly(ChannelSftp sftp, String temp) {
        try {
            sftp.rm(temp);
        } catch (SftpException alreadyGone) {
            // never created, or renamed away: nothing to clean
        }
    }

    private static String describe(SftpException e) {
        return switch (e.id) {
            case ChannelSftp.SSH_FX_NO_SUCH_FILE -> "no such file or folder";
            case ChannelSftp.SSH_FX_PERMISSION_DENIED -> "permission denied";
            default -> String.valueOf(e.getMessage());
        };
    }
}
