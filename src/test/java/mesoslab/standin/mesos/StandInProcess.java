package mesoslab.standin.mesos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in in its own JVM ({@code java -cp <this test's class path> mesoslab.standin.Main <kind> ...}),
 * so a test can SIGKILL it: no shutdown hook, no clean ZooKeeper close, exactly what a crashed
 * component leaves behind. Its stderr goes to a log file next to its work folder; the port it
 * bound (flags ask for port 0) is read from its "listening on port N" line.
 */
public final class StandInProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    private final Process process;
    private final Path log;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private StandInProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::copyLog, "standin-log-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code kind} with {@code flags}; returns once it serves HTTP (or fails with its log). */
    public static StandInProcess start(Path log, String kind, String... flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "mesoslab.standin.Main", kind));
        command.addAll(List.of(flags));
        Files.createDirectories(log.getParent());
        StandInProcess p = new StandInProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
        try {
            p.port.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            p.close();
            throw new IOException(kind + " did not report its port within 20 s; its log " + log + ":\n" + p.logText(), e);
        }
        return p;
    }

    private void copyLog() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException ended) {
            // the process is gone
        } finally {
            port.completeExceptionally(new IOException("the process ended"));
        }
    }

    public int port() {
        return port.join();
    }

    public long pid() {
        return process.pid();
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL, then reap it: it is our child, so waiting on it is safe and leaves no zombie. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " survived SIGKILL for 10 s");
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
