package mesoslab.transport.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import mesoslab.transport.AuthenticationException;
import mesoslab.transport.Become;
import mesoslab.transport.Command;
import mesoslab.transport.CommandResult;
import mesoslab.transport.Connection;
import mesoslab.transport.HostKeyException;
import mesoslab.transport.HostUnreachableException;
import mesoslab.transport.TransportException;

/**
 * One SSH session per host for the whole run (JSch), an exec channel per command, one SFTP
 * channel for files (when no become is asked: SFTP writes as the login user), keepalives on.
 * Host keys are checked strictly against known_hosts. Commands always go as one quoted shell line
 * (an argv never meets a shell that could re-split it); the environment is set in that line, since
 * sshd accepts few variables.
 */
public final class SshConnection implements Connection {
    private static final String PID_MARKER = "MESOSLAB_PID ";
    private static final java.util.concurrent.ScheduledExecutorService TIMERS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mesoslab-ssh-timeouts");
                t.setDaemon(true);
                return t;
            });
    private final SshTarget target;
    private final Session session;
    private final Session jumpSession;
    private final SftpFiles sftp;

    private SshConnection(SshTarget target, Session session, Session jumpSession) {
        this.target = target;
        this.session = session;
        this.jumpSession = jumpSession;
        this.sftp = new SftpFiles(target.name(), session);
    }

    /** Connects and authenticates; every failure is a {@link HostUnreachableException} that says why. */
    public static SshConnection open(SshTarget target) {
        Session jump = null;
        try {
            String address = target.address();
            int port = target.port();
            if (target.jump() != null) {
                jump = connect(target.jump(), target.jump().address(), target.jump().port(), null);
                port = jump.setPortForwardingL("127.0.0.1", 0, target.address(), target.port());
                address = "127.0.0.1";
            }
            Session session = connect(target, address, port, target.jump() != null ? alias(target) : null);
            return new SshConnection(target, session, jump);
        } catch (RuntimeException | JSchException e) {
            if (jump != null) {
                jump.disconnect();
            }
            if (e instanceof HostUnreachableException unreachable) {
                throw unreachable;
            }
            throw new HostUnreachableException(target.name(), "cannot reach " + target.endpoint() + ": " + e.getMessage(),
                    "Check the address and that sshd runs there", e);
        }
    }

    private static String alias(SshTarget target) {
        return target.port() == 22 ? target.address() : "[" + target.address() + "]:" + target.port();
    }

    private static Session connect(SshTarget target, String address, int port, String hostKeyAlias) throws JSchException {
        JSch jsch = new JSch();
        try {
            if (target.knownHosts().getParent() != null) {
                Files.createDirectories(target.knownHosts().getParent());
            }
            if (!Files.exists(target.knownHosts())) {
                Files.createFile(target.knownHosts());
            }
        } catch (IOException e) {
            throw new HostUnreachableException(target.name(), "cannot use known_hosts file " + target.knownHosts() + ": " + e.getMessage(),
                    "Point known_hosts_file at a writable file", e);
        }
        jsch.setKnownHosts(target.knownHosts().toString());
        if (!useAgent(jsch, target)) {
            for (var key : target.keys()) {
                if (Files.isReadable(key)) {
                    jsch.addIdentity(key.toString());
                }
            }
        }
        Session session = jsch.getSession(target.user(), address, port);
        HostKeyCheck hostKeys = new HostKeyCheck(jsch.getHostKeyRepository(), target.acceptNewKeys());
        session.setHostKeyRepository(hostKeys);
        if (hostKeyAlias != null) {
            session.setHostKeyAlias(hostKeyAlias);
        }
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", target.password() != null ? "publickey,keyboard-interactive,password" : "publickey");
        if (target.password() != null) {
            session.setPassword(target.password().reveal());
        }
        session.setServerAliveInterval(15_000);
        session.setServerAliveCountMax(3);
        try {
            session.connect((int) target.connectTimeout().toMillis());
            return session;
        } catch (JSchException e) {
            throw classify(target, hostKeys, e);
        }
    }

    /**
     * Offers the agent's keys instead of key files when the target names an agent socket that
     * answers. Both at once is not possible: JSch would hand our key files to the user's agent.
     */
    private static boolean useAgent(JSch jsch, SshTarget target) {
        if (target.agentSocket() == null || !Files.exists(target.agentSocket())) {
            return false;
        }
        try {
            var agent = new com.jcraft.jsch.AgentIdentityRepository(new com.jcraft.jsch.SSHAgentConnector(target.agentSocket()));
            if (agent.getStatus() != com.jcraft.jsch.IdentityRepository.RUNNING || agent.getIdentities().isEmpty()) {
                return false;
            }
            jsch.setIdentityRepository(agent);
            return true;
        } catch (com.jcraft.jsch.AgentProxyException unusable) {
            return false;
        }
    }

    private static HostUnreachableException classify(SshTarget target, HostKeyCheck keys, JSchException e) {
        String message = String.valueOf(e.getMessage());
        String where = target.endpoint();
        if (keys.result == com.jcraft.jsch.HostKeyRepository.CHANGED) {
            return new HostKeyException(target.name(), "the host key of " + where + " has CHANGED: known_hosts has "
                    + keys.recordedFingerprint() + ", the host presented " + keys.presentedFingerprint() + "; refusing to connect",
                    "If the machine was really rebuilt, remove its old line from " + target.knownHosts() + " (ssh-keygen -R); otherwise someone may be in between");
        }
        if (keys.result == com.jcraft.jsch.HostKeyRepository.NOT_INCLUDED) {
            return new HostKeyException(target.name(), "the host key of " + where + " (" + keys.presentedFingerprint()
                    + ") is not in " + target.knownHosts(),
                    "Check the fingerprint, then run once with --accept-new-host-keys (or add it with ssh-keyscan)");
        }
        if (message.contains("Auth fail") || message.contains("Auth cancel") || message.contains("USERAUTH fail")) {
            return new AuthenticationException(target.name(), "authentication as " + target.user() + " on " + where + " failed",
                    "Check ansible_user and ansible_ssh_private_key_file (or the password) for this host", e);
        }
        if (message.contains("timeout") || message.contains("timed out")) {
            return new HostUnreachableException(target.name(), "no answer from " + where + " within " + target.connectTimeout().toSeconds() + " s",
                    "Check the address and that nothing filters the port", e);
        }
        return new HostUnreachableException(target.name(), "cannot connect to " + where + ": " + message,
                "Check that sshd runs there and the port is right (ansible_port)", e);
    }

    @Override
    public String host() {
        return target.name();
    }

    @Override
    public CommandResult exec(Command command) {
        long start = System.nanoTime();
        String line = command.toShellLine();
        // sshd starts the command's shell as a session leader; its pid ($$) names the whole process
        // group, which is what a timeout must kill (closing the channel does not stop it on OpenSSH).
        String remote = "echo " + PID_MARKER + "$$ >&2; " + line;
        ChannelExec channel;
        try {
            channel = (ChannelExec) session.openChannel("exec");
        } catch (JSchException e) {
            throw new HostUnreachableException(target.name(), "the SSH session to " + target.endpoint() + " is gone: " + e.getMessage(),
                    "Check the host; the run cannot continue on it", e);
        }
        try {
            channel.setCommand(remote);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            channel.setErrStream(err, true);
            InputStream stdout = channel.getInputStream();
            OutputStream stdin = channel.getOutputStream();
            channel.connect((int) Math.min(Integer.MAX_VALUE, target.connectTimeout().toMillis()));
            byte[] input = command.stdinWithPassword();
            if (input != null) {
                stdin.write(input);
            }
            stdin.close();
            java.util.concurrent.atomic.AtomicBoolean timedOutFlag = new java.util.concurrent.atomic.AtomicBoolean();
            // On timeout: kill the remote process group, then drop the channel so the read below ends.
            java.util.concurrent.ScheduledFuture<?> timer = TIMERS.schedule(() -> {
                timedOutFlag.set(true);
                String marker = err.toString(StandardCharsets.UTF_8);
                if (marker.startsWith(PID_MARKER)) {
                    int eol = marker.indexOf('\n');
                    String p = marker.substring(PID_MARKER.length(), eol < 0 ? marker.length() : eol).strip();
                    if (p.matches("\\d+")) {
                        killGroup(p);
                    }
                }
                channel.disconnect();
            }, command.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            byte[] buffer = new byte[65536];
            try {
                for (int n; (n = stdout.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                if (!timedOutFlag.get()) {
                    throw e;
                }
            }
            timer.cancel(false);
            for (int i = 0; i < 500 && !channel.isClosed() && !timedOutFlag.get(); i++) {
                Thread.sleep(2);
            }
            boolean timedOut = timedOutFlag.get();
            String stderr = err.toString(StandardCharsets.UTF_8);

            if (stderr.startsWith(PID_MARKER)) {
                int eol = stderr.indexOf('\n');

                stderr = eol < 0 ? "" : stderr.substring(eol + 1);
            }
            int rc = timedOut ? -1 : channel.getExitStatus();
            return new CommandResult(rc, out.toString(StandardCharsets.UTF_8), stderr,
                    Duration.ofNanos(System.nanoTime() - start), timedOut, line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(target.name(), "interrupted while running a command", "", e);
        } catch (IOException | JSchException e) {
            if (!session.isConnected()) {
                throw new HostUnreachableException(target.name(), "lost the SSH session to " + target.endpoint() + ": " + e.getMessage(),
                        "Check the host and its sshd", e);
            }
            throw new TransportException(target.name(), "command failed to run over SSH: " + e.getMessage(), "", e);
        } finally {
            channel.disconnect();
        }
    }

    /** Kills a timed-out command's process group over a fresh channel. */
    private void killGroup(String pid) {
        try {
            ChannelExec kill = (ChannelExec) session.openChannel("exec");
            kill.setCommand("kill -KILL -- -" + pid + " 2>/dev/null || kill -KILL " + pid + " 2>/dev/null; true");
            kill.connect(5000);
            for (int i = 0; i < 100 && !kill.isClosed(); i++) {
                Thread.sleep(20);
            }
            kill.disconnect();
        } catch (JSchException e) {
            // the session is gone; nothing left to kill with
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void put(byte[] content, String path, String mode, Become become) {
        if (become.enabled() || !sftp.canCarry(path) || !sftp.put(content, path, mode)) {
            Connection.super.put(content, path, mode, become);
        }
    }

    @Override
    public byte[] fetch(String path, Become become) {
        if (!become.enabled() && sftp.canCarry(path)) {
            byte[] content = sftp.get(path);
            if (content != null) {
                return content;
            }
        }
        CommandResult r = exec(Command.argv("base64", "--", path).as(become));
        if (!r.ok()) {
            throw new TransportException(target.name(), "cannot read " + path + ": " + r.stderr().strip(), "Check that the file exists", null);
        }
        return java.util.Base64.getMimeDecoder().decode(r.stdout());
    }

    @Override
    public void close() {
        sftp.close();
        session.disconnect();
        if (jumpSession != null) {
            jumpSession.disconnect();
        }
    }
}
