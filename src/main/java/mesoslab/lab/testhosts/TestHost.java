package mesoslab.lab.testhosts;

/**
 * One running test host.
 *
 * @param name        hostname inside the host (also its inventory name)
 * @param address     its IPv4 address in 198.18.0.0/24; sshd listens on port 22
 * @param namespace   the network namespace name under /run/netns
 * @param hostKeyLine the sshd's public host key as {@code type base64 comment}
 */
public record TestHost(String name, String address, String namespace, String hostKeyLine) {
}
