package mesoslab.lab.testhosts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One test host's namespace, veth link and sshd: brought up by {@link #start} and removed by
 * {@link #destroy}, which works from any half-built state.
 */
final class HostNamespace {
    private static final String GATEWAY = "198.18.0.254";
    private final String name;
    private final String address;
    private final String namespace;
    private final String rootLink;
    private final Path workDir;
    private final StringBuffer log = new StringBuffer();

    String log() {
        return log.toString();
    }
    private Process boot;
    private final List<Long> stoppedPids = new ArrayList<>();
    private String hostKeyLine;

    HostNamespace(String name, String address, String namespace, String rootLink, Path workDir) {
        this.name = name;
        this.address = address;
        this.namespace = namespace;
        this.rootLink = rootLink;
        this.workDir = workDir;
    }

    String rootLink() {
        return rootLink;
    }

    String address() {
        return address;
    }

    TestHost start(Path bootScript, String authorizedKey, Duration timeout) throws IOException {
        SystemCommand.check(List.of("ip", "netns", "add", namespace));
        // A veth pair: our end stays in this namespace with a host route to the address only,
        // the other end is the host's eth0. Nothing else on this machine's network changes.
        SystemCommand.check(List.of("ip", "link", "add", rootLink, "type", "veth", "peer", "name", "eth0", "netns", namespace));
        SystemCommand.check(List.of("ip", "-n", namespace, "link", "set", "lo", "up"));
        SystemCommand.check(List.of("ip", "-n", namespace, "link", "set", "eth0", "up"));
        SystemCommand.check(List.of("ip", "-n", namespace, "addr", "add", address + "/32", "dev", "eth0"));
        SystemCommand.check(List.of("ip", "-n", namespace, "route", "add", GATEWAY + "/32", "dev", "eth0"));
        SystemCommand.check(List.of("ip", "link", "set", rootLink, "up"));
        SystemCommand.check(List.of("ip", "addr", "add", GATEWAY + "/32", "dev", rootLink));
        SystemCommand.check(List.of("ip", "route", "add", address + "/32", "dev", rootLink, "src", GATEWAY));
        Files.createDirectories(workDir);
        boot = new ProcessBuilder("ip", "netns", "exec", namespace, "unshare", "--mount", "--uts",
                "--propagation", "private", "sh", bootScript.toString(), workDir.toString(), address, name)
                .redirectErrorStream(true).start();
        try (OutputStream in = boot.getOutputStream()) {
            in.write(authorizedKey.getBytes(StandardCharsets.UTF_8));
        }
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(boot.getInputStream(), listening), "testhost-" + name);
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new TestHostsUnavailableException("test host " + name + " (" + address + ") did not start sshd within "
                    + timeout + "; its output: " + log, "check that openssh-server is installed and overlayfs works here", e);
        }
        return new TestHost(name, address, namespace, hostKeyLine);
    }

    /**
     * Lets this host reach its peers the way VMs on one subnet reach each other (a ZooKeeper
     * quorum needs it): a /32 route per peer through our end of the veth, and forwarding turned
     * on for that one link only. The namespace gets no route beyond the lab's own addresses, so
     * nothing it sends can leave through this machine's default route.
     */
    void reach(List<String> peerAddresses) throws IOException {
        for (String peer : peerAddresses) {
            if (!peer.equals(address)) {
                SystemCommand.check(List.of("ip", "-n", namespace, "route", "add", peer + "/32", "via", GATEWAY, "dev", "eth0"));
            }
        }
        Files.writeString(Path.of("/proc/sys/net/ipv4/conf", rootLink, "forwarding"), "1");
    }

    private void drain(InputStream out, CompletableFuture<Void> listening) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                log.append(line).append('\n');
                if (line.startsWith("HOSTKEY ")) {
                    hostKeyLine = line.substring("HOSTKEY ".length()).trim();
                } else if (line.contains("Server listening on")) {
                    listening.complete(null);
                }
            }
        } catch (IOException e) {
            // the process is gone; start() reports the log
        }
        listening.completeExceptionally(new IOException("boot script ended"));
    }

    /** The PIDs of every process inside this host's network namespace, all started by us. */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        SystemCommand.Result r = SystemCommand.run(List.of("ip", "netns", "pids", namespace));
        if (r.rc() == 0) {
            for (String s : r.output().split("\\s+")) {
                if (!s.isBlank()) {
                    pids.add(Long.parseLong(s.trim()));
                }
            }
        }
        return pids;
    }

    /** This host's live processes whose command line contains {@code match}. */
    List<ProcessHandle> processes(String match) {
        List<ProcessHandle> found = new ArrayList<>();
        for (long pid : pids()) {
            ProcessHandle.of(pid).filter(h -> running(pid) && h.info().commandLine().map(c -> c.contains(match)).orElse(false))
                    .ifPresent(found::add);
        }
        return found;
    }

    /** SIGKILLs this host's processes whose command line contains {@code match}; returns how many. */
    int kill(String match) {
        List<ProcessHandle> victims = processes(match);
        victims.forEach(ProcessHandle::destroyForcibly);
        awaitGone(victims.stream().map(ProcessHandle::pid).toList(), Duration.ofSeconds(5));
        return victims.size();
    }

    /**
     * Waits until each process has exited. A killed process whose parent is gone may stay a
     * zombie for good (PID 1 in some containers never reaps), so a zombie counts as gone;
     * ProcessHandle.onExit would wait for it forever.
     */
    private static void awaitGone(List<Long> pids, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (long pid : pids) {
            while (System.nanoTime() < deadline && running(pid)) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    /** Kills what we started, then removes namespace, link and work dir; safe to call more than once. */
    void destroy() {
        List<Long> pids = pids();
        if (boot != null) {
            pids.add(boot.pid());
        }
        stoppedPids.addAll(pids);
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        awaitGone(pids, Duration.ofSeconds(5));
        // Deleting the namespace also deletes the veth pair and with it our end's routes; the
        // explicit deletes cover a half-built host.
        SystemCommand.run(List.of("ip", "netns", "del", namespace));
        SystemCommand.run(List.of("ip", "link", "del", rootLink));
        try {
            Files.deleteIfExists(workDir);
        } catch (IOException ignored) {
            // a leftover empty directory in the lab's temp folder is removed with it
        }
    }

    boolean leftNothingBehind() {
        return !Files.exists(Path.of("/run/netns", namespace))
                && SystemCommand.run(List.of("ip", "link", "show", rootLink)).rc() != 0
                && (boot == null || !boot.isAlive())
                && stoppedPids.stream().noneMatch(HostNamespace::running);
    }
}
