package mesoslab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where mesoslab's own files are (playbooks/, templates/, inventories/): the folder the launcher
 * names in {@code MESOSLAB_HOME}, else the current directory. Paths a user types are taken as
 * typed first; only when they do not exist are they looked up in the home folder.
 */
record Home(Path root) {

    static Home detect(String env) {
        return new Home(env == null || env.isBlank() ? Path.of("") : Path.of(env));
    }

    /**
     * What playbooks may know about mesoslab itself: its home folder, the jar it runs from (the
     * bundled ZooKeeper and the stand-ins run from it) and the java that runs it.
     */
    java.util.Map<String, Object> builtins() {
        java.util.Map<String, Object> vars = new java.util.LinkedHashMap<>();
        vars.put("mesoslab_home", root.toAbsolutePath().normalize().toString());
        vars.put("mesoslab_jar", jar().toString());
        vars.put("mesoslab_java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return vars;
    }

    /** The jar (or classes folder, when run from an IDE or tests) mesoslab runs from. */
    Path jar() {
        Path built = root.resolve("target").resolve("mesoslab.jar").toAbsolutePath().normalize();
        try {
            Path source = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // Only the shaded jar holds the ZooKeeper server and the stand-ins; a thin build jar (as
            // test runners use) or a classes folder means: use the shaded one from target/.
            return source.getFileName().toString().equals("mesoslab.jar") ? source : built;
        } catch (java.net.URISyntaxException | SecurityException e) {
            return built;
        }
    }

    Path defaultInventory() {
        Path local = Path.of("inventories", "local");
        return Files.exists(local) ? local : root.resolve(local);
    }

    /** A playbook as typed, else under the home's playbooks/ folder (so `run site.yml` works anywhere). */
    Path playbook(String typed) {
        Path asTyped = Path.of(typed);
        if (Files.exists(asTyped)) {
            return asTyped;
        }
        for (Path candidate : new Path[] {root.resolve(typed), root.resolve("playbooks").resolve(typed)}) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return asTyped;
    }
}
