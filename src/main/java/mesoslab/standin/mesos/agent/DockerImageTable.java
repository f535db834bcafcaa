package mesoslab.standin.mesos.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Docker images the agent stand-in can "run": each maps to a built-in stand-in started as a JVM
 * child process from our own classpath. Add a line to {@link #BUILT_INS} for a new image.
 */
public final class DockerImageTable {
    /**
     * A stand-in in {@code mesoslab.standin.Main}; {@code servesPort} when the image listens on its
     * mapped port (it gets {@code --port <hostPort>}), false for a client such as the controller,
     * which has no port and takes no such flag.
     */
    private record BuiltIn(String standIn, boolean servesPort) {}

    /** image name without tag → its built-in equivalent. */
    private static final Map<String, BuiltIn> BUILT_INS = new LinkedHashMap<>();

    static {
        BUILT_INS.put("f5devcentral/f5-hello-world", new BuiltIn("hello", true));
        // The lab's f5-bigip-ctlr.json: configured only by the app's env (MARATHON_URL, F5_CC_*).
        BUILT_INS.put("f5networks/marathon-bigip-ctlr", new BuiltIn("f5-controller", false));
    }

    private DockerImageTable() {}

    public static List<String> supported() {
        return List.copyOf(BUILT_INS.keySet());
    }

    /** The command line running {@code image}'s built-in equivalent, if there is one. */
    public static Optional<List<String>> command(String image, int hostPort) {
        String name = image;
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            name = name.substring(0, colon);
        }
        if (name.startsWith("docker.io/")) {
            name = name.substring("docker.io/".length());
        }
        BuiltIn builtIn = BUILT_INS.get(name);
        if (builtIn == null) {
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add("mesoslab.standin.Main");
        argv.add(builtIn.standIn());
        if (builtIn.servesPort() && hostPort > 0) {
            argv.add("--port");
            argv.add(Integer.toString(hostPort));
        }
        return Optional.of(argv);
    }
}
