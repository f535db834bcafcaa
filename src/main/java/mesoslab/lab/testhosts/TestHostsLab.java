package mesoslab.lab.testhosts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N test hosts with real OpenSSH sshd, each in its own network and mount namespace. Start with
 * {@link #start}, connect as root with {@link #privateKey()} and the strict {@link #knownHostsFile()},
 * and {@link #close()} to remove every process, mount, link and namespace it made.
 */
public final class TestHostsLab implements AutoCloseable {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(30);
    private final List<HostNamespace> namespaces;
    private final List<TestHost> hosts;
    private final Path privateKey;
    private final Path knownHostsFile;
    private final Thread cleanupOnExit;

    private TestHostsLab(List<HostNamespace> namespaces, List<TestHost> hosts, Path privateKey, Path knownHostsFile) {
        this.namespaces = namespaces;
        this.hosts = hosts;
        this.privateKey = privateKey;
        this.knownHostsFile = knownHostsFile;
        this.cleanupOnExit = new Thread(this::destroyAll, "testhosts-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /** Creates {@code count} hosts named {@code th1..thN}, in parallel, using {@code workDir} for keys and scratch. */
    public static TestHostsLab start(int count, Path workDir) {
        checkPrerequisites();
        String id = HexFormat.of().formatHex(new SecureRandom().generateSeed(2));
        int base = freeAddressBase(count);
        List<HostNamespace> namespaces = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            namespaces.add(new HostNamespace("th" + i, "198.18.0." + (base + i - 1), "mlab-" + id + "-" + i,
                    "mlab" + id + "h" + i, workDir.resolve("hosts").resolve("th" + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 20));
        try {
            Files.createDirectories(workDir);
            Path key = workDir.resolve("id_ed25519");
            SystemCommand.check(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "mesoslab-testhosts",
                    "-f", key.toString()));
            String authorizedKey = Files.readString(Path.of(key + ".pub"));
            Path script = workDir.resolve("boot-host.sh");
            try (InputStream in = TestHostsLab.class.getResourceAsStream("boot-host.sh")) {
                Files.write(script, in.readAllBytes());
            }
            List<Future<TestHost>> started = new ArrayList<>();
            for (HostNamespace ns : namespaces) {
                started.add(pool.submit(() -> ns.start(script, authorizedKey, BOOT_TIMEOUT)));
            }
            List<TestHost> hosts = new ArrayList<>();
            for (Future<TestHost> f : started) {
                hosts.add(f.get());
            }
            checkRoutesStayLocal(namespaces);
            List<String> addresses = namespaces.stream().map(HostNamespace::address).toList();
            for (HostNamespace ns : namespaces) {
                ns.reach(addresses);
            }
            Path knownHosts = workDir.resolve("known_hosts");
            StringBuilder lines = new StringBuilder();
            for (TestHost h : hosts) {
                String[] parts = h.hostKeyLine().split(" ");
                lines.append(h.address()).append(' ').append(parts[0]).append(' ').append(parts[1]).append('\n');
            }
            Files.writeString(knownHosts, lines, StandardCharsets.UTF_8);
            return new TestHostsLab(namespaces, List.copyOf(hosts), key, knownHosts);
        } catch (Exception e) {
            namespaces.forEach(HostNamespace::destroy);
            if (e instanceof TestHostsUnavailableException t) {
                throw t;
            }
            if (e.getCause() instanceof TestHostsUnavailableException t) {
                throw t;
            }
            throw new TestHostsUnavailableException("could not start test hosts: " + e, "see the cause", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkPrerequisites() {
        if (!isRoot()) {
            throw new TestHostsUnavailableException("test hosts need root (network and mount namespaces)",
                    "run the *IT tests as root, e.g. in the CI container", null);
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/sshd"))) {
            throw new TestHostsUnavailableException("test hosts need OpenSSH's sshd at /usr/sbin/sshd",
                    "install it: apt-get install -y openssh-server", null);
        }
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    /** A run of free addresses, so two labs on one machine do not collide. */
    private static int freeAddressBase(int count) {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < 20; attempt++) {
            int base = 1 + random.nextInt(250 - count);
            boolean free = true;
            for (int i = 0; i < count && free; i++) {
                free = SystemCommand.check(List.of("ip", "route", "show", "198.18.0." + (base + i) + "/32")).isBlank();
            }
            if (free) {
                return base;
            }
        }
        throw new TestHostsUnavailableException("no free run of " + count + " addresses in 198.18.0.0/24",
                "remove leftover test-host routes (ip route show 198.18.0.0/24)", null);
    }

    /** Refuses to go on unless every test address routes into its own namespace, never out the default route. */
    private static void checkRoutesStayLocal(List<HostNamespace> namespaces) {
        for (HostNamespace ns : namespaces) {
            String route = SystemCommand.check(List.of("ip", "route", "get", ns.address()));
            if (!route.contains(" dev " + ns.rootLink() + " ")) {
                throw new TestHostsUnavailableException("test address " + ns.address() + " would leave through `"
                        + route.trim() + "` instead of " + ns.rootLink() + "; aborting before any packet is sent",
                        "remove conflicting routes for 198.18.0.0/15 on this machine", null);
            }
        }
    }

    /**
     * An inventory of these hosts that mesoslab and Ansible both read: the strict connection
     * variables under {@code all}, every host in {@code group} with its own {@code hostVars}
     * (flow-map entries such as {@code "zk_id: 1"}, or empty).
     */
    public String inventoryYaml(String group, java.util.function.Function<TestHost, String> hostVars) {
        StringBuilder inv = new StringBuilder("all:\n  vars:\n    ansible_user: root\n")
                .append("    ansible_ssh_private_key_file: ").append(privateKey).append('\n')
                .append("    known_hosts_file: ").append(knownHostsFile).append('\n')
                .append("    ansible_ssh_common_args: -o UserKnownHostsFile=").append(knownHostsFile)
                .append(" -o StrictHostKeyChecking=yes\n")
                .append("    ansible_python_interpreter: /usr/bin/python3\n")
                .append("  children:\n    ").append(group).append(":\n      hosts:\n");
        for (TestHost host : hosts) {
            String extra = hostVars.apply(host);
            inv.append("        ").append(host.name()).append(": {ansible_host: ").append(host.address())
                    .append(extra.isEmpty() ? "" : ", " + extra).append("}\n");
        }
        return inv.toString();
    }

    /**
     * Kills (SIGKILL) the processes on {@code host} whose command line contains {@code match},
     * e.g. "sshd" to make a host vanish mid-run; returns how many there were.
     */
    public int kill(TestHost host, String match) {
        return namespaces.get(hosts.indexOf(host)).kill(match);
    }

    /** How many live processes on {@code host} have {@code match} in their command line. */
    public int count(TestHost host, String match) {
        return namespaces.get(hosts.indexOf(host)).processes(match).size();
    }

    /** What {@code host}'s sshd has logged so far (logins, SFTP subsystem requests, errors). */
    public String sshdLog(TestHost host) {
        return namespaces.get(hosts.indexOf(host)).log();
    }

    public List<TestHost> hosts() {
        return hosts;
    }

    public Path privateKey() {
        return privateKey;
    }

    public Path knownHostsFile() {
        return knownHostsFile;
    }

    /** True when no process, link or namespace of this lab remains. */
    public boolean leftNothingBehind() {
        return namespaces.stream().allMatch(HostNamespace::leftNothingBehind);
    }

    @Override
    public void close() {
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or has run
        }
    }

    private void destroyAll() {
        namespaces.forEach(HostNamespace::destroy);
    }

}
