package mesoslab.standin.bigip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bigip --mgmt ADDR:PORT --user U --password P [--password-file F] [--self-ip ADDR ...] [--state FILE]}.
 * Both {@code --flag value} and {@code --flag=value} work; {@code --self-ip} repeats or takes a
 * comma-separated list.
 *
 * @param mgmt     where iControl REST listens (HTTPS); default 127.0.0.1:8443
 * @param selfIps  the device's self IPs: health checks and SNAT-automapped connections come from the first
 * @param state    the configuration file, or null to keep the configuration in memory only
 */
public record BigIpFlags(InetSocketAddress mgmt, String user, String password, List<String> selfIps, Path state) {

    /** A bad command line; the message says which flag and why. */
    public static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    public static final String USAGE = "usage: mesoslab.standin.Main bigip --mgmt ADDR:PORT --user USER "
            + "(--password PASSWORD | --password-file FILE) [--self-ip ADDR ...] [--state FILE]";

    public static BigIpFlags parse(String[] args) throws UsageException {
        String mgmt = "127.0.0.1:8443";
        String user = "admin";
        String password = null;
        List<String> selfIps = new ArrayList<>();
        Path state = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("flag " + name + " needs a value");
            }
            switch (name) {
                case "--mgmt" -> mgmt = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--password-file" -> password = readPassword(value);
                case "--self-ip" -> {
                    for (String ip : value.split(",")) {
                        if (!ip.isBlank()) {
                            selfIps.add(ip.trim());
                        }
                    }
                }
                case "--state" -> state = Path.of(value);
                default -> throw new UsageException("unknown flag '" + name + "'");
            }
        }
        if (password == null || password.isEmpty()) {
            throw new UsageException("--password (or --password-file) is required: the stand-in has no default password");
        }
        if (user.isEmpty()) {
            throw new UsageException("--user must not be empty");
        }
        return new BigIpFlags(address(mgmt), user, password, List.copyOf(selfIps), state);
    }

    private static String readPassword(String file) throws UsageException {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new UsageException("cannot read --password-file " + file + ": " + e.getMessage());
        }
    }

    private static InetSocketAddress address(String text) throws UsageException {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("--mgmt must be ADDR:PORT, got '" + text + "'");
        }
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(host, port);
        } catch (NumberFormatException e) {
            throw new UsageException("--mgmt port must be a number 0-65535, got '" + text.substring(colon + 1) + "'");
        }
    }

    @Override
    public String toString() {
        // Never print the password, e.g. in a failed test's message.
        return "BigIpFlags[mgmt=" + mgmt + ", user=" + user + ", selfIps=" + selfIps + ", state=" + state + "]";
    }
}
