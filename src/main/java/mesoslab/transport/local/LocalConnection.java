package mesoslab.transport.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mesoslab.transport.Become;
import mesoslab.transport.Command;
import mesoslab.transport.CommandResult;
import mesoslab.transport.Connection;
import mesoslab.transport.ShellQuoting;
import mesoslab.transport.TransportException;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs commands on this machine with Apache Commons Exec: an argv is executed directly (no
 * shell), a shell string through {@code /bin/sh -c}, become through sudo. Files are written
 * with the same shell steps an SSH host gets, so both transports behave alike.
 */
public final class LocalConnection implements Connection {
    private final String host;

    public LocalConnection(String host) {
        this.host = host;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public CommandResult exec(Command command) {
        boolean direct = command.argv() != null && !command.become().enabled();
        List<String> argv = direct ? command.argv() : List.of("/bin/sh", "-c", command.toShellLine());
        CommandLine line = new CommandLine(argv.get(0));
        for (String arg : argv.subList(1, argv.size())) {
            line.addArgument(arg, false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] stdin = command.stdinWithPassword();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(command.timeout()).get();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(new PumpStreamHandler(out, err, stdin == null ? null : new ByteArrayInputStream(stdin)));
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        if (direct && command.cwd() != null) {
            executor.setWorkingDirectory(new File(command.cwd()));
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        if (direct) {
            env.putAll(command.env());
        }
        long start = System.nanoTime();
        DefaultExecuteResultHandler handler = new DefaultExecuteResultHandler();
        try {
            executor.execute(line, env, handler);
            handler.waitFor();
        } catch (IOException e) {
            return new CommandResult(127, "", e.getMessage(), Duration.ofNanos(System.nanoTime() - start), false, display(command));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watchdog.destroyProcess();
        }
        int rc = handler.getExitValue();
        ExecuteException failure = handler.getException();
        if (failure != null && rc == 0 && !watchdog.killedProcess()) {
            rc = failure.getExitValue();
        }
        return new CommandResult(watchdog.killedProcess() ? -1 : rc, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start), watchdog.killedProcess(),
                display(command));
    }

    private static String display(Command command) {
        return command.argv() != null && !command.become().enabled() && command.cwd() == null && command.env().isEmpty()
                ? ShellQuoting.join(command.argv()) : command.toShellLine();
    }

    @Override
    public byte[] fetch(String path, Become become) {
        Command cat = Command.argv("cat", "--", path).as(become);
        boolean direct = !become.enabled();
        if (direct) {
            try {
                return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path));
            } catch (IOException e) {
                throw new TransportException(host, "cannot read " + path + ": " + e.getMessage(), "Check that the file exists", e);
            }
        }
        CommandResult result = exec(cat);
        if (!result.ok()) {
            throw new TransportException(host, "cannot read " + path + ": " + result.stderr().strip(), "Check that the file exists", null);
        }
        return result.stdout().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // nothing to release: every command is its own process
    }
}
