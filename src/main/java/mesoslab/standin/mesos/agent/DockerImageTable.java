package mesoslab.standin.mesos.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Docker images the agent stand-in can "run": each maps to a built-in stand-in started as a JVM
 * child process from our own classpath. Add a line to {@link #BUILT_INS} for a new image
 * (e.g. {@code f5networks/marathon-bigip-ctlr} once its stand-in exists).
 */
public final class DockerImageTable {
    /** image name without tag → stand-in name in {@code mesoslab.standin.Main}. */
    private static final Map<String, String> BUILT_INS = new LinkedHashMap<>();

    static {
        BUILT_INS.put("f5devcentral/f5-hello-world", "hello");
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
        String standIn = BUILT_INS.get(name);
        if (standIn == null) {
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add("mesoslab.standin.Main");
        argv.add(standIn);
        if (hostPort > 0) {
            argv.add("--port");
            argv.add(Integer.toString(hostPort));
        }
        return Optional.of(argv);
    }
}
