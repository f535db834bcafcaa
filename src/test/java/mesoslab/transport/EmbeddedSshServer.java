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
 * as real local processes, key login from an authorized_keys file, password "s3cret", and a count
 * of the SSH sessions opened (to prove one session serves a whole run).
 */
final class EmbeddedSshServer implements AutoCloseable {
    static final String PASSWORD = "s3cret";
    private final SshServer server;
    final AtomicInteger sessions = new AtomicInteger();
    final Path hostKey;

    EmbeddedSshServer(Path dir, Path authorizedKeys, Path hostKeyFile) throws IOException {
        this.hostKey = hostKeyFile;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        keys.setAlgorithm("EC");
        server.setKeyPairProvider(keys);
        server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
        server.setPasswordAuthenticator((user, password, session) -> PASSWORD.equals(password));
        server.setCommandFactory(ProcessShellCommandFactory.INSTANCE);
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessions.incrementAndGet();
            }
        });
        Files.createDirectories(dir);
        server.start();
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
