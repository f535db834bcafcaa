package mesoslab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import mesoslab.common.Secret;
import java.util.Map;
import mesoslab.common.InvalidInputException;
import mesoslab.transport.ssh.SshTarget;
import org.junit.jupiter.api.Test;

class SshTargetsTest {
    @Test
    void readsAnsibleNamesAndShortAliases() {
        SshTarget t = SshTargets.from("zk1", Map.of("ansible_host", "198.18.0.5", "ansible_port", 2222, "ansible_user", "ops",
                "ansible_ssh_private_key_file", "/keys/id", "known_hosts_file", "/kh"), new SshSettings(true, null, null), Path.of("/agent.sock"));
        assertThat(t.endpoint()).isEqualTo("ops@198.18.0.5:2222");
        assertThat(t.keys()).containsExactly(Path.of("/keys/id"));
        assertThat(t.knownHosts()).isEqualTo(Path.of("/kh"));
        assertThat(t.acceptNewKeys()).isTrue();
        assertThat(t.agentSocket()).as("a named key file wins over the agent").isNull();
        assertThat(SshTargets.from("zk1", Map.of(), SshSettings.DEFAULT, Path.of("/agent.sock")).agentSocket()).isEqualTo(Path.of("/agent.sock"));
        SshTarget alias = SshTargets.from("zk2", Map.of("host", "10.1.1.1", "port", "23", "user", "u", "key", "/k"), SshSettings.DEFAULT, null);
        assertThat(alias.endpoint()).isEqualTo("u@10.1.1.1:23");
        assertThat(SshTargets.from("zk3", Map.of(), SshSettings.DEFAULT, null).address()).isEqualTo("zk3");
    }

    @Test
    void readsAJumpHostFromProxyJumpOrJumpHost() {
        SshTarget viaArgs = SshTargets.from("zk1", Map.of("ansible_host", "10.0.0.5",
                "ansible_ssh_common_args", "-o StrictHostKeyChecking=yes -o ProxyJump=bastion@198.18.0.9:2200"), SshSettings.DEFAULT, null);
        assertThat(viaArgs.jump().endpoint()).isEqualTo("bastion@198.18.0.9:2200");
        SshTarget viaVar = SshTargets.from("zk1", Map.of("ansible_user", "ops", "jump_host", "gw"), SshSettings.DEFAULT, null);
        assertThat(viaVar.jump().endpoint()).isEqualTo("ops@gw:22");
        assertThatThrownBy(() -> SshTargets.from("zk1", Map.of("jump_host", "a,b"), SshSettings.DEFAULT, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("chain of jump hosts");
    }

    @Test
    void anAskedPasswordServesHostsWithoutTheirOwn() {
        SshSettings asked = new SshSettings(false, Secret.of("typed"), null);
        assertThat(SshTargets.from("zk1", Map.of(), asked, null).password().reveal()).isEqualTo("typed");
        assertThat(SshTargets.from("zk1", Map.of("ansible_password", "own"), asked, null).password().reveal()).isEqualTo("own");
        assertThat(SshTargets.from("zk1", Map.of(), SshSettings.DEFAULT, null).password()).isNull();
    }
}
