package mesoslab.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import mesoslab.events.Outcome;
import mesoslab.events.RunEvent;
import mesoslab.events.RunListener;

/**
 * JUnit XML ({@code --junit FILE}): one test case per task and host, failed and unreachable ones
 * as failures, skipped ones as skipped, so CI servers can show a run like a test suite.
 */
public final class JUnitReporter implements RunListener {
    private final Path file;
    private final List<RunEvent.HostDone> results = new ArrayList<>();

    public JUnitReporter(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (event instanceof RunEvent.HostDone e) {
            results.add(e);
        } else if (event instanceof RunEvent.PlaybookFinished e) {
            write(e.elapsedMillis());
        }
    }

    private void write(long millis) {
        long failures = results.stream().filter(r -> r.outcome() == Outcome.FAILED || r.outcome() == Outcome.UNREACHABLE).count();
        long skipped = results.stream().filter(r -> r.outcome() == Outcome.SKIPPED).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites><testsuite name=\"mesoslab\" tests=\"").append(results.size()).append("\" failures=\"")
                .append(failures).append("\" skipped=\"").append(skipped).append("\" time=\"").append(millis / 1000.0).append("\">\n");
        for (RunEvent.HostDone r : results) {
            String name = r.task() + (r.item() == null ? "" : " (item=" + r.item() + ")");
            xml.append("  <testcase classname=\"").append(escape(r.host())).append("\" name=\"").append(escape(name)).append('"');
            switch (r.outcome()) {
                case FAILED, UNREACHABLE -> xml.append("><failure message=\"").append(escape(r.outcome().name().toLowerCase()))
                        .append("\">").append(escape(ResultText.failure(r.result(), r.where()))).append("</failure></testcase>\n");
                case SKIPPED -> xml.append("><skipped/></testcase>\n");
                default -> xml.append("/>\n");
            }
        }
        xml.append("</testsuite></testsuites>\n");
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".junit", ".tmp");
            Files.writeString(tmp, xml, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
