package mesoslab.standin.mesosdns;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * {@code mesoslab.standin.Main mesos-dns -config=/etc/mesos-dns/config.json [-v=2] [-version]}:
 * runs until the process is stopped, or exits 1 with one paragraph on stderr when the config is
 * invalid or the master detection times out (as the real binary's log.Fatal does); 2 on a bad flag.
 */
public final class MesosDnsStandIn {
    /** What {@code -version} and {@code /v1/version} report. */
    public static final String VERSION = "v0.7.0-rc2-mesoslab-standin";

    private MesosDnsStandIn() {}

    public static int run(String[] args) throws InterruptedException {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        MesosDnsFlags flags;
        try {
            flags = MesosDnsFlags.parse(args);
        } catch (MesosDnsFlags.UsageException e) {
            err.println("mesos-dns: " + e.getMessage());
            err.println("Usage of mesos-dns: -config=config.json [-v=N] [-version]");
            return 2;
        }
        if (flags.version()) {
            out.println(VERSION);
            return 0;
        }
        MesosDnsConfig config;
        try {
            config = new ConfigReader(systemResolvers()).read(Path.of(flags.config()));
        } catch (ConfigException e) {
            err.println("mesos-dns: invalid configuration: " + e.getMessage());
            return 1;
        }
        try (MesosDnsServer server = new MesosDnsServer(config, VERSION, err, flags.verbosity() > 0)) {
            server.start();
            server.fatal().get();
            return 0;
        } catch (ExecutionException e) {
            err.println("mesos-dns: " + e.getCause().getMessage());
            return 1;
        } catch (IOException | ConfigException e) {
            err.println("mesos-dns: cannot start: " + e.getMessage());
            return 1;
        }
    }

    private static List<String> systemResolvers() {
        try {
            return ConfigReader.nameservers(Files.readString(Path.of("/etc/resolv.conf")));
        } catch (IOException e) {
            return List.of();
        }
    }
}
