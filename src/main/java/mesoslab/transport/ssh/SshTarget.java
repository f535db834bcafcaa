package mesoslab.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mesoslab.common.Secret;

/**
 * Everything needed to open one SSH session, passed explicitly.
 *
 * @param name             the inventory name (for messages)
 * @param address          where to connect
 * @param keys             private key files to offer (ed25519, ecdsa, rsa)
 * @param password         a password to offer, or null
 * @param knownHosts       the known_hosts file host keys are checked against
 * @param acceptNewKeys    record the key of a host never seen before (a changed key is refused regardless)
 * @param jump             a host to go through (ProxyJump), or null
 * @param agentSocket      an ssh-agent's socket (SSH_AUTH_SOCK) whose keys are offered when no
 *                         key file was named for the host, or null
 */
public record SshTarget(String name, String address, int port, String user, List<Path> keys, Secret password, Path knownHosts,
                        boolean acceptNewKeys, Duration connectTimeout, SshTarget jump, Path agentSocket) {

    /** A target without an agent. */
    public SshTarget(String name, String address, int port, String user, List<Path> keys, Secret password, Path knownHosts,
                     boolean acceptNewKeys, Duration connectTimeout, SshTarget jump) {
        this(name, address, port, user, keys, password, knownHosts, acceptNewKeys, connectTimeout, jump, null);
    }

    public String endpoint() {
        return user + "@" + address + ":" + port;
    }
}
