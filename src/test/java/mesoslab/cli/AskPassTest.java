package mesoslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mesoslab.transport.EmbeddedSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -k} and {@code -K}: the typed passwords log in over real SSH (an embedded server that
 * accepts only its password here) and feed sudo, and never appear in anything printed.
 */
class AskPassTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of("MESOSLAB_HOME", dir.toString()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new Result(code, out.toString(), err.toString());
    }

    private Path sshPlaybook(EmbeddedSshServer server) throws Exception {
        // A key file that does not exist: only the password can log in, whatever keys this machine has.
        Files.writeString(dir.resolve("hosts.yml"), """
                all:
                  hosts:
                    box:
                      ansible_host: 127.0.0.1
                      ansible_port: %d
                      ansible_user: someone
                      ansible_ssh_private_key_file: %s
                      known_hosts_file: %s
                """.formatted(server.port(), dir.resolve("no-such-key"), dir.resolve("known_hosts")));
        Files.writeString(dir.resolve("ssh.yml"), """
                - hosts: all
                  tasks:
                    - name: log in
                      command: echo logged-in
                """);
        return dir.resolve("ssh.yml");
    }

    @Test
    void askPassLogsInWithTheTypedPasswordAndNeverPrintsIt() throws Exception {
        Files.createFile(dir.resolve("authorized_keys"));
        try (EmbeddedSshServer server = new EmbeddedSshServer(dir.resolve("server"), dir.resolve("authorized_keys"),
                dir.resolve("server/hostkey.pem"))) {
            String playbook = sshPlaybook(server).toString();
            String inventory = dir.resolve("hosts.yml").toString();

            Result withoutPassword = run("", "run", playbook, "-i", inventory, "--accept-new-host-keys");
            assertThat(withoutPassword.code()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(withoutPassword.all()).contains("authentication as someone");

            Result asked = run(EmbeddedSshServer.PASSWORD + "\n", "run", playbook, "-i", inventory, "-k", "--accept-new-host-keys", "-vvv");
            assertThat(asked.code()).as(asked.all()).isZero();
            assertThat(asked.err()).contains("SSH password: ");
            assertThat(asked.out()).contains("logged-in").contains("changed=1");
            assertThat(asked.all()).doesNotContain(EmbeddedSshServer.PASSWORD);

            Result wrong = run("guess\n", "run", playbook, "-i", inventory, "--ask-pass");
            assertThat(wrong.code()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(wrong.all()).doesNotContain("guess");
        }
    }

    @Test
    void askPassWithStdinClosedIsAnInputErrorBeforeAnyHostIsTouched() throws Exception {
        Files.writeString(dir.resolve("hosts.yml"), "all:\n  hosts:\n    here:\n      ansible_connection: local\n");
        Files.writeString(dir.resolve("touch.yml"), "- hosts: all\n  tasks:\n    - file: path=" + dir.resolve("touched") + " state=touch\n");
        Result r = run("", "run", dir.resolve("touch.yml").toString(), "-i", dir.resolve("hosts.yml").toString(), "-k");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("-k/--ask-pass asks for a password, but standard input ended").contains("printf")
                .doesNotContain("Exception");
        assertThat(dir.resolve("touched")).doesNotExist();
    }

    @Test
    void askBecomePassFeedsSudoWhereNoVariableNamesOneAndDefaultsToTheSshPassword() throws Exception {
        Path sudo = dir.resolve("sudo");
        // A sudo stand-in that reads the password line like sudo -S and accepts only "pa55".
        Files.writeString(sudo, "#!/bin/sh\nread pw\n[ \"$pw\" = \"pa55\" ] || { echo 'sudo: wrong password' >&2; exit 1; }\n"
                + "while [ \"$1\" != \"--\" ]; do shift; done; shift; exec \"$@\"\n");
        sudo.toFile().setExecutable(true);
        Files.writeString(dir.resolve("hosts.yml"), "all:\n  hosts:\n    here:\n      ansible_connection: local\n      ansible_become_exe: "
                + sudo + "\n");
        Files.writeString(dir.resolve("become.yml"), "- hosts: all\n  become: true\n  tasks:\n    - name: as root\n      command: echo became\n");
        String[] args = {"run", dir.resolve("become.yml").toString(), "-i", dir.resolve("hosts.yml").toString(), "-K", "-v"};

        Result right = run("pa55\n", args);
        assertThat(right.code()).as(right.all()).isZero();
        assertThat(right.err()).contains("BECOME password: ");
        assertThat(right.out()).contains("became");
        assertThat(right.all()).doesNotContain("pa55");

        Result wrong = run("nope\n", args);
        assertThat(wrong.code()).isEqualTo(ExitCodes.TASK_FAILED);
        assertThat(wrong.all()).contains("wrong password").doesNotContain("nope");

        Result defaulted = run("pa55\n\n", "run", dir.resolve("become.yml").toString(), "-i", dir.resolve("hosts.yml").toString(), "-k", "-K");
        assertThat(defaulted.err()).contains("BECOME password[defaults to SSH password]: ");
        assertThat(defaulted.code()).as(defaulted.all()).isZero();
    }
}
