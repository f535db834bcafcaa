package mesoslab.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mesoslab.common.InvalidInputException;
import mesoslab.common.Secret;
import mesoslab.transport.ssh.SshTarget;

/**
 * An SSH target from a host's variables: {@code ansible_host}/{@code host},
 * {@code ansible_port}/{@code port}, {@code ansible_user}/{@code user},
 * {@code ansible_ssh_private_key_file}/{@code key}, {@code ansible_password},
 * {@code known_hosts_file}, and a jump host from {@code jump_host} or
 * {@code ansible_ssh_common_args: -o ProxyJump=user@host:port}.
 */
final class SshTargets {
    private static final Pattern PROXY_JUMP = Pattern.compile("(?:-o\\s*ProxyJump=|-J\\s+)(\\S+)");
    private static final Pattern JUMP = Pattern.compile("^(?:([^@]+)@)?([^:@]+)(?::(\\d+))?$");

    private SshTargets() {}

    /**
     * The target for {@code host}; {@code agentSocket} (SSH_AUTH_SOCK) is used only when no key
     * file is named, the password from {@code ssh} (-k) only when the host has none of its own.
     */
    static SshTarget from(String host, Map<String, Object> vars, SshSettings ssh, Path agentSocket) {
        boolean acceptNew = ssh.acceptNewHostKeys();
        String home = System.getProperty("user.home");
        String address = String.valueOf(Wiring.first(vars, host, "ansible_host", "host"));
        int port = Integer.parseInt(String.valueOf(Wiring.first(vars, 22, "ansible_port", "port")));
        String user = String.valueOf(Wiring.first(vars, System.getProperty("user.name"), "ansible_user", "user"));
        List<Path> keys = new ArrayList<>();
        Object key = Wiring.first(vars, null, "ansible_ssh_private_key_file", "key");
        if (key != null) {
            keys.add(Path.of(String.valueOf(key).replaceFirst("^~", home)));
            agentSocket = null;
        } else {
            for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
                keys.add(Path.of(home, ".ssh", name));
            }
        }
        Object password = Wiring.first(vars, null, "ansible_password", "ansible_ssh_pass");
        Path knownHosts = Path.of(String.valueOf(Wiring.first(vars, home + "/.ssh/known_hosts", "known_hosts_file"))
                .replaceFirst("^~", home));
        SshTarget jump = jump(host, vars, keys, knownHosts, acceptNew);
        Secret secret = password != null ? Secret.of(String.valueOf(password)) : ssh.password();
        return new SshTarget(host, address, port, user, keys, secret,
                knownHosts, acceptNew, Duration.ofSeconds(10), jump, agentSocket);
    }

    private static SshTarget jump(String host, Map<String, Object> vars, List<Path> keys, Path knownHosts, boolean acceptNew) {
        String spec = vars.get("jump_host") != null ? String.valueOf(vars.get("jump_host")) : null;
        Object common = vars.get("ansible_ssh_common_args");
        if (spec == null && common != null) {
            Matcher m = PROXY_JUMP.matcher(String.valueOf(common));
            if (m.find()) {
                spec = m.group(1);
            }
        }
        if (spec == null) {
            return null;
        }
        if (spec.contains(",")) {
            throw new InvalidInputException(null, "host " + host + ": a chain of jump hosts ('" + spec + "') is not supported",
                    "Use a single jump host: ProxyJump=user@host:port");
        }
        Matcher m = JUMP.matcher(spec);
        if (!m.matches()) {
            throw new InvalidInputException(null, "host " + host + ": cannot read the jump host '" + spec + "'",
                    "Write it as user@host:port (user and port optional)");
        }
        String user = m.group(1) != null ? m.group(1) : String.valueOf(Wiring.first(vars, System.getProperty("user.name"), "ansible_user", "user"));
        int port = m.group(3) != null ? Integer.parseInt(m.group(3)) : 22;
        return new SshTarget(host + " (jump " + m.group(2) + ")", m.group(2), port, user, keys, null, knownHosts, acceptNew,
                Duration.ofSeconds(10), null);
    }
}
