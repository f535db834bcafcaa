package mesoslab.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mesoslab.common.Secret;
import mesoslab.transport.ssh.SshConnection;
import mesoslab.transport.ssh.SshTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH transport against an embedded Apache MINA SSHD server. */
class SshConnectionTest {
    @TempDir
    Path dir;
    EmbeddedSshServer server;
    Path key;
    Path knownHosts;

    @BeforeEach
    void start() throws Exception {
        key = dir.resolve("id_ecdsa");
        assertThat(keygen("ecdsa", 256, key)).isZero();
        Files.copy(dir.resolve("id_ecdsa.pub"), dir.resolve("authorized_keys"));
        server = new EmbeddedSshServer(dir.resolve("server"), dir.resolve("authorized_keys"), dir.resolve("server/hostkey.pem"));
        knownHosts = dir.resolve("known_hosts");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** A key pair from OpenSSH's ssh-keygen (no passphrase, no prompt). */
    static int keygen(String type, int bits, Path file) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-b", Integer.toString(bits), "-N", "", "-f", file.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private SshTarget target(boolean acceptNew) {
        return new SshTarget("zk1", "127.0.0.1", server.port(), System.getProperty("user.name"), List.of(key), null, knownHosts,
                acceptNew, Duration.ofSeconds(5), null);
    }

    @Test
    void anUnknownHostKeyIsRefusedBeforeAnyCommandRuns() {
        assertThatThrownBy(() -> SshConnection.open(target(false))).isInstanceOf(HostKeyException.class)
                .hasMessageContaining("is not in " + knownHosts).hasMessageContaining("SHA256:")
                .satisfies(e -> assertThat(((HostKeyException) e).hint()).contains("--accept-new-host-keys"));
    }

    @Test
    void acceptNewRecordsTheKeyThenStrictCheckingPasses() throws Exception {
        try (Connection c = SshConnection.open(target(true))) {
            assertThat(c.exec(Command.argv("echo", "hi")).stdout()).isEqualTo("hi\n");
        }
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + server.port());
        try (Connection c = SshConnection.open(target(false))) {
            assertThat(c.exec(Command.argv("true")).rc()).isZero();
        }
    }

    @Test
    void aChangedHostKeyIsAlwaysRefusedWithBothFingerprints() throws Exception {
        try (Connection c = SshConnection.open(target(true))) {
            c.exec(Command.argv("true"));
        }
        server.close();
        Files.delete(server.hostKey);
        server = new EmbeddedSshServer(dir.resolve("server"), dir.resolve("authorized_keys"), server.hostKey);
        String known = Files.readString(knownHosts);
        Files.writeString(knownHosts, known.replace("]:" + known.split("]:")[1].split(" ")[0], "]:" + server.port()));
        assertThatThrownBy(() -> SshConnection.open(target(true))).isInstanceOf(HostKeyException.class)
                .hasMessageContaining("has CHANGED").hasMessageMatching("(?s).*known_hosts has SHA256:\\S+, the host presented SHA256:\\S+.*");
    }

    @Test
    void wrongCredentialsAreAnAuthenticationFailure() throws Exception {
        Path otherKey = dir.resolve("other");
        keygen("ecdsa", 256, otherKey);
        SshTarget wrong = new SshTarget("zk1", "127.0.0.1", server.port(), "nobody", List.of(otherKey), Secret.of("wrong"), knownHosts,
                true, Duration.ofSeconds(5), null);
        assertThatThrownBy(() -> SshConnection.open(wrong)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("authentication as nobody");
        SshTarget password = new SshTarget("zk1", "127.0.0.1", server.port(), "someone", List.of(), Secret.of(EmbeddedSshServer.PASSWORD),
                knownHosts, true, Duration.ofSeconds(5), null);
        try (Connection c = SshConnection.open(password)) {
            assertThat(c.exec(Command.argv("echo", "in")).stdout()).isEqualTo("in\n");
        }
    }

    @Test
    void withoutAKeyFileTheKeysOfARealSshAgentAreOffered() throws Exception {
        Path sock = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) {
                Thread.sleep(20);
            }
            ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            Process added = add.start();
            assertThat(added.waitFor()).as(new String(added.getInputStream().readAllBytes())).isZero();
            SshTarget viaAgent = new SshTarget("zk1", "127.0.0.1", server.port(), "u", List.of(), null, knownHosts, true,
                    Duration.ofSeconds(5), null, sock);
            try (Connection c = SshConnection.open(viaAgent)) {
                assertThat(c.exec(Command.argv("echo", "agent")).stdout()).isEqualTo("agent\n");
            }
            SshTarget noKey = new SshTarget("zk1", "127.0.0.1", server.port(), "u", List.of(), null, knownHosts, true,
                    Duration.ofSeconds(5), null, null);
            assertThatThrownBy(() -> SshConnection.open(noKey)).isInstanceOf(mesoslab.transport.HostUnreachableException.class);
        } finally {
            agent.destroyForcibly();
        }
    }

    @Test
    void rsaKeysLogInWithRsaSha2() throws Exception {
        Path rsa = dir.resolve("id_rsa");
        assertThat(keygen("rsa", 2048, rsa)).isZero();
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(dir.resolve("id_rsa.pub")));
        SshTarget t = new SshTarget("zk1", "127.0.0.1", server.port(), "u", List.of(rsa), null, knownHosts, true, Duration.ofSeconds(5), null);
        try (Connection c = SshConnection.open(t)) {
            assertThat(c.exec(Command.argv("echo", "rsa")).stdout()).isEqualTo("rsa\n");
        }
    }

    @Test
    void nothingListeningIsUnreachable() {
        SshTarget closed = new SshTarget("zk9", "127.0.0.1", 1, "u", List.of(key), null, knownHosts, true, Duration.ofSeconds(2), null);
        assertThatThrownBy(() -> SshConnection.open(closed)).isInstanceOf(HostUnreachableException.class)
                .hasMessageContaining("zk9: cannot connect to u@127.0.0.1:1");
    }

    @Test
    void oneSessionServesManyCommandsWithExactArgvEnvCwdExitCodesAndStdin() throws Exception {
        try (Connection c = SshConnection.open(target(true))) {
            for (int i = 0; i < 20; i++) {
                assertThat(c.exec(Command.argv("printf", "[%s]", "a b", "it's", "$HOME", "x;y")).stdout())
                        .isEqualTo("[a b][it's][$HOME][x;y]");
            }
            CommandResult r = c.exec(Command.shell("echo \"$GREETING\" $(pwd) >&2; exit 7").withEnv(Map.of("GREETING", "hello there"))
                    .inDir(dir.toString()));
            assertThat(r.rc()).isEqualTo(7);
            assertThat(r.stderr().strip()).isEqualTo("hello there " + dir);
            assertThat(c.exec(Command.argv("cat").withStdin("piped".getBytes())).stdout()).isEqualTo("piped");
        }
        assertThat(server.sessions.get()).isEqualTo(1);
    }

    @Test
    void aCommandPastItsTimeoutIsReportedAsTimedOut() throws Exception {
        try (Connection c = SshConnection.open(target(true))) {
            long start = System.nanoTime();
            CommandResult r = c.exec(Command.argv("sleep", "20").withTimeout(Duration.ofMillis(500)));
            assertThat(r.timedOut()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void withoutAnSftpSubsystemLargeUploadsGoByExecAtomicallyAndComeBackIdentical() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024];
        new java.util.Random(7).nextBytes(big);
        Path target = dir.resolve("up/big.bin");
        Files.createDirectories(target.getParent());
        try (Connection c = SshConnection.open(target(true))) {
            c.put(big, target.toString(), "0600", Become.NONE);
            assertThat(Files.readAllBytes(target)).isEqualTo(big);
            assertThat(c.fetch(target.toString(), Become.NONE)).isEqualTo(big);
        }
        assertThat(server.execs.get()).as("put and fetch each ran a command").isEqualTo(2);
        assertThat(server.sftpChannels.get()).isZero();
        try (var files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("big.bin");
        }
    }

    @Test
    void becomeRunsThroughSudoWithThePasswordOnStdinNeverOnTheCommandLine() throws Exception {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        // A sudo stand-in: reads the password line from stdin like sudo -S, then runs the command.
        Files.writeString(bin.resolve("sudo"), "#!/bin/sh\nread pw\n[ \"$pw\" = \"pa55\" ] || { echo 'wrong password' >&2; exit 1; }\n"
                + "while [ \"$1\" != \"--\" ]; do shift; done; shift; exec \"$@\"\n");
        bin.resolve("sudo").toFile().setExecutable(true);
        try (Connection c = SshConnection.open(target(true))) {
            CommandResult r = c.exec(Command.argv("id", "-u").as(Become.as("root", Secret.of("pa55")).using(bin.resolve("sudo").toString())));
            assertThat(r.ok()).as(r.stderr()).isTrue();
            assertThat(r.display()).contains("sudo -S").doesNotContain("pa55");
            CommandResult wrong = c.exec(Command.argv("id").as(Become.as("root", Secret.of("nope")).using(bin.resolve("sudo").toString())));
            assertThat(wrong.rc()).isEqualTo(1);
            assertThat(wrong.stderr()).contains("wrong password");
        }
    }

    @Test
    void filesTravelOverOneSftpChannelAtomicallyWithTheirModes() throws Exception {
        restartWithSftp();
        Path folder = dir.resolve("sftp");
        Files.createDirectories(folder);
        byte[] big = new byte[20 * 1024 * 1024];
        new java.util.Random(11).nextBytes(big);
        Path secret = existing(folder.resolve("secret.conf"), "rw-r--r--");
        Path kept = existing(folder.resolve("kept.conf"), "rw-r-----");
        try (Connection c = SshConnection.open(target(true))) {
            c.put(big, folder.resolve("big.bin").toString(), null, Become.NONE);
            c.put("pw=1\n".getBytes(), secret.toString(), "0600", Become.NONE);
            c.put("new\n".getBytes(), kept.toString(), null, Become.NONE);
            assertThat(server.execs.get()).as("no command ran for any octal or absent mode").isZero();
            c.put("#!/bin/sh\n".getBytes(), folder.resolve("run.sh").toString(), "u=rwx,go=rx", Become.NONE);
            assertThat(server.execs.get()).as("a symbolic mode goes to chmod by exec").isEqualTo(1);
            server.execs.set(0);
            assertThat(c.fetch(folder.resolve("big.bin").toString(), Become.NONE)).isEqualTo(big);
            assertThat(c.fetch(secret.toString(), Become.NONE)).isEqualTo("pw=1\n".getBytes());
            assertThatThrownBy(() -> c.put("x".getBytes(), folder.resolve("missing/x").toString(), null, Become.NONE))
                    .isInstanceOf(TransportException.class).hasMessageContaining("cannot write " + folder.resolve("missing/x"));
            assertThatThrownBy(() -> c.fetch(folder.resolve("nothing").toString(), Become.NONE))
                    .isInstanceOf(TransportException.class).hasMessageContaining("no such file");
        }
        assertThat(server.execs.get()).as("no command ran for any file").isZero();
        assertThat(server.sftpChannels.get()).as("one SFTP channel carried every file").isEqualTo(1);
        assertThat(permissions(secret)).isEqualTo("rw-------");
        assertThat(permissions(kept)).isEqualTo("rw-r-----");
        assertThat(permissions(folder.resolve("big.bin"))).isEqualTo("rw-r--r--");
        assertThat(permissions(folder.resolve("run.sh"))).isEqualTo("rwxr-xr-x");
        assertThat(Files.readString(kept)).isEqualTo("new\n");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("big.bin", "secret.conf", "kept.conf", "run.sh");
        }
    }

    @Test
    void withBecomeFilesGoByExecEvenWhenSftpIsThere() throws Exception {
        restartWithSftp();
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Files.writeString(bin.resolve("sudo"), "#!/bin/sh\nwhile [ \"$1\" != \"--\" ]; do shift; done; shift; exec \"$@\"\n");
        bin.resolve("sudo").toFile().setExecutable(true);
        Become sudo = Become.as("root", null).using(bin.resolve("sudo").toString());
        Path file = dir.resolve("as-root.txt");
        try (Connection c = SshConnection.open(target(true))) {
            c.put("root\n".getBytes(), file.toString(), "0644", sudo);
            assertThat(c.fetch(file.toString(), sudo)).isEqualTo("root\n".getBytes());
        }
        assertThat(server.execs.get()).isEqualTo(2);
        assertThat(server.sftpChannels.get()).isZero();
    }

    private void restartWithSftp() throws Exception {
        server.close();
        server = new EmbeddedSshServer(dir.resolve("server"), dir.resolve("authorized_keys"), server.hostKey, true);
    }

    private static Path existing(Path file, String permissions) throws Exception {
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static String permissions(Path file) throws Exception {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
