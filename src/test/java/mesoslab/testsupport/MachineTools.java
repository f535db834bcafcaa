package mesoslab.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs from the machine a test needs (such as {@code dig}). DESIGN.md section 8: on a
 * developer's machine a missing one skips the test; with {@code CI=true} it fails it, since CI
 * installs every such program ({@code .ci/run}) and a skip there would hide a test that never ran.
 */
public final class MachineTools {
    private MachineTools() {}

    /** The program {@code name} on {@code PATH}; skipped without it, failed without it under {@code CI=true}. */
    public static Path requireInCi(String name, String debianPackage) {
        return requireInCi(name, debianPackage, System.getenv());
    }

    static Path requireInCi(String name, String debianPackage, Map<String, String> env) {
        Optional<Path> found = onPath(name, env.getOrDefault("PATH", ""));
        if (found.isPresent()) {
            return found.get();
        }
        String missing = "'" + name + "' is not on PATH (Debian package " + debianPackage + ")";
        if ("true".equals(env.get("CI"))) {
            throw new AssertionError(missing + ", and CI=true: .ci/run must install it, this test may not be skipped in CI");
        }
        Assumptions.abort(missing + "; skipped (with CI=true this fails)");
        throw new IllegalStateException("unreachable: abort throws");
    }

    static Optional<Path> onPath(String name, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
