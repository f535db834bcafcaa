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
