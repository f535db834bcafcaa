package mesoslab.transport.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Strict host key checking against known_hosts that remembers what the host presented, so a
 * refusal can name both fingerprints. A new host's key is recorded only when that was asked for.
 */
final class HostKeyCheck implements HostKeyRepository {
    private final HostKeyRepository knownHosts;
    private final boolean acceptNew;
    volatile int result = OK;
    volatile byte[] presented;
    volatile String presentedFor;

    HostKeyCheck(HostKeyRepository knownHosts, boolean acceptNew) {
        this.knownHosts = knownHosts;
        this.acceptNew = acceptNew;
    }

    @Override
    public int check(String host, byte[] key) {
        presented = key;
        presentedFor = host;
        int r = knownHosts.check(host, key);
        if (r == NOT_INCLUDED && acceptNew) {
            try {
                knownHosts.add(new HostKey(host, key), null);
                return OK;
            } catch (JSchException e) {
                result = r;
                return r;
            }
        }
        result = r;
        return r;
    }

    /** The recorded key of {@code host} as a SHA256 fingerprint, or "none". */
    String recordedFingerprint() {
        HostKey[] keys = knownHosts.getHostKey(presentedFor, null);
        if (keys == null || keys.length == 0) {
            return "none";
        }
        return fingerprint(Base64.getDecoder().decode(keys[0].getKey()));
    }

    String presentedFingerprint() {
        return presented == null ? "none" : fingerprint(presented);
    }

    static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        knownHosts.add(hostkey, ui);
    }

    @Override
    public void remove(String host, String type) {
        knownHosts.remove(host, type);
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        knownHosts.remove(host, type, key);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHosts.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return knownHosts.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return knownHosts.getHostKey(host, type);
    }
}
