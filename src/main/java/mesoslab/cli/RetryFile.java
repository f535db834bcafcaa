package mesoslab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mesoslab.executor.RunSummary;

/** {@code --retry-file}: the hosts that failed or were unreachable, one per line, for {@code -l @FILE}. */
final class RetryFile {
    private RetryFile() {}

    static void write(Path file, RunSummary summary) {
        List<String> hosts = summary.stats().entrySet().stream()
                .filter(e -> e.getValue().failed() > 0 || e.getValue().unreachable() > 0)
                .map(java.util.Map.Entry::getKey)
                .toList();
        try {
            Files.write(file, hosts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
