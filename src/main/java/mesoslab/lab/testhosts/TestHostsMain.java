package mesoslab.lab.testhosts;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Brings up N test hosts for the benchmark (bench/run.sh) and keeps them until a file named
 * {@code stop} appears in the work folder; writes {@code inventory.yml} (readable by mesoslab and
 * by Ansible) and prints READY.
 */
public final class TestHostsMain {
    private TestHostsMain() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(work);
        try (TestHostsLab lab = TestHostsLab.start(count, work)) {
            Files.writeString(work.resolve("inventory.yml"), lab.inventoryYaml("bench", h -> ""));
            System.out.println("READY");
            System.out.flush();
            while (!Files.exists(work.resolve("stop"))) {
                Thread.sleep(200);
            }
        }
    }
}
