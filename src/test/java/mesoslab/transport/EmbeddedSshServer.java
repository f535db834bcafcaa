package mesoslab.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellCommandFactory;

/**
 * An Apache MINA SSHD server on 127.0.0.1 for transport tests: real SSH protocol, commands run
 * as real local processes, key login from an authorized_keys file, password "s3cret", an SFTP
 * subsystem when asked for, and counts of the SSH sessions, exec commands and SFTP channels opened
 * (to prove one session serves a whole run and files travel over one SFTP channel).
 */
public final class EmbeddedSshServer implements AutoCloseable {
    public static final String PASSWORD = "s3cret";
    private final SshServer server;
    final AtomicInteger sessions = new AtomicInteger();
    final AtomicInteger execs = new AtomicInteger();
    final AtomicInteger sftpChannels = new AtomicInteger();
    final Path hostKey;

    public EmbeddedSshServer(Path dir, Path authorizedKeys, Path hostKeyFile) throws IOException {
        this(dir, authorizedKeys, hostKeyFile, false);
    }

    EmbeddedSshServer(Path dir, Path authorizedKeys, Path hostKeyFile, boolean sftp) throws IOException {
        this.hostKey = hostKeyFile;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        keys.setAlgorithm("EC");
        server.setKeyPairProvider(keys);
        server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
        server.setPasswordAuthenticator((user, password, session) -> PASSWORD.equals(password));
        server.setCommandFactory((channel, command) -> {
            execs.incrementAndGet();
            return ProcessShellCommandFactory.INSTANCE.createCommand(channel, command);
        });
        if (sftp) {
            server.setFileSystemFactory(org.apache.sshd.common.file.nativefs.NativeFileSystemFactory.INSTANCE);
            org.apache.sshd.sftp.server.SftpSubsystemFactory factory = new org.apache.sshd.sftp.server.SftpSubsystemFactory();
            factory.addSftpEventListener(new org.apache.sshd.sftp.server.SftpEventListener() {
                @Override
                public void initialized(org.apache.sshd.server.session.ServerSession session, int version) {
                    sftpChannels.incrementAndGet();
                }
            });
            server.setSubsystemFactories(java.util.List.of(factory));
        }
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessions.incrementAndGet();
            }
        });
        Files.createDirectories(dir);
        server.start();
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
