package mesoslab.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoslab.events.Outcome;
import mesoslab.events.RunEvent;
import mesoslab.events.RunListener;

/**
 * The verification report: collects every result that carries a {@code check} block (name,
 * status, summary, evidence) and presents them as a console table, {@code report.json} and
 * {@code junit.xml}. A task that failed without a check block still counts as a failed check.
 */
public final class CheckReport implements RunListener {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final List<Check> checks = new ArrayList<>();

    /** One verified fact with its evidence. */
    public record Check(String name, String status, String summary, List<String> evidence, String host) {
        public boolean passed() {
            return status.equals("pass") || status.equals("degraded");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void on(RunEvent event) {
        if (event instanceof RunEvent.HostDone e && e.outcome() != Outcome.SKIPPED) {
            Object block = e.result().get("check");
            if (block instanceof Map<?, ?> m) {
                Map<String, Object> c = (Map<String, Object>) m;
                List<String> evidence = c.get("evidence") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
                String status = e.outcome() == Outcome.FAILED ? "fail" : String.valueOf(c.getOrDefault("status", "pass"));
                String summary = e.outcome() == Outcome.FAILED ? String.valueOf(e.result().get("msg")) : String.valueOf(c.get("summary"));
                checks.add(new Check(String.valueOf(c.get("name")), status, summary, evidence, e.host()));
            } else if (e.outcome() == Outcome.FAILED || e.outcome() == Outcome.UNREACHABLE) {
                checks.add(new Check(e.task(), "fail", String.valueOf(e.result().get("msg")), List.of(), e.host()));
            }
        }
    }

    public synchronized List<Check> checks() {
        return List.copyOf(checks);
    }

    public boolean allPassed() {
        return !checks().isEmpty() && checks().stream().allMatch(Check::passed);
    }

    /** The table a person reads after the run. */
    public void printTable(PrintWriter out) {
        int width = Math.max(5, checks().stream().mapToInt(c -> c.name().length()).max().orElse(5));
        out.println();
        out.println(String.format("%-" + width + "s  %-8s  %s", "CHECK", "STATUS", "EVIDENCE"));
        for (Check c : checks()) {
            out.println(String.format("%-" + width + "s  %-8s  %s", c.name(), c.status().toUpperCase(java.util.Locale.ROOT), c.summary()));
            for (String line : c.evidence()) {
                out.println(" ".repeat(width + 12) + line);
            }
        }
        out.flush();
    }

    /** report.json and junit.xml in {@code dir}. */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("passed", allPassed());
            doc.put("checks", checks());
            Files.writeString(dir.resolve("report.json"), MAPPER.writeValueAsString(doc));
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            long failures = checks().stream().filter(c -> !c.passed()).count();
            xml.append("<testsuite name=\"mesoslab verify\" tests=\"").append(checks().size()).append("\" failures=\"").append(failures)
                    .append("\">\n");
            for (Check c : checks()) {
                xml.append("  <testcase classname=\"verify\" name=\"").append(JUnitReporter.escape(c.name())).append('"');
                if (c.passed()) {
                    xml.append("><system-out>").append(JUnitReporter.escape(c.summary() + "\n" + String.join("\n", c.evidence())))
                            .append("</system-out></testcase>\n");
                } else {
                    xml.append("><failure message=\"").append(JUnitReporter.escape(c.summary())).append("\">")
                            .append(JUnitReporter.escape(String.join("\n", c.evidence()))).append("</failure></testcase>\n");
                }
            }
            xml.append("</testsuite>\n");
            Files.writeString(dir.resolve("junit.xml"), xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
