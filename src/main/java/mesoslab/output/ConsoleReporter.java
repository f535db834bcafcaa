package mesoslab.output;

import java.io.PrintWriter;
import java.util.Map;
import mesoslab.events.HostStats;
import mesoslab.events.Outcome;
import mesoslab.events.RunEvent;
import mesoslab.events.RunListener;

/**
 * The one human-readable stdout: Ansible's layout (PLAY and TASK headers, a line per host, the
 * PLAY RECAP), colours only on a terminal. {@code verbosity} 1 shows results of ok/changed tasks,
 * 2 adds everything in them.
 */
public final class ConsoleReporter implements RunListener {
    private static final int WIDTH = 80;
    private final PrintWriter out;
    private final boolean colour;
    private final int verbosity;

    public ConsoleReporter(PrintWriter out, boolean colour, int verbosity) {
        this.out = out;
        this.colour = colour;
        this.verbosity = verbosity;
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (event instanceof RunEvent.PlaybookStarted e) {
            if (e.check()) {
                out.println("(check mode: nothing will be changed)");
            }
        } else if (event instanceof RunEvent.PlayStarted e) {
            header("PLAY [" + e.name() + "]");
            if (e.hosts().isEmpty()) {
                out.println("skipping: no hosts matched");
            }
        } else if (event instanceof RunEvent.TaskStarted e) {
            header((e.handler() ? "RUNNING HANDLER [" : "TASK [") + e.name() + "]");
        } else if (event instanceof RunEvent.HostDone e) {
            hostLine(e);
        } else if (event instanceof RunEvent.Progress e) {
            out.println(paint("FAILED - RETRYING: [" + e.host() + "]: " + e.task() + " (" + e.message() + ").", Style.YELLOW));
        } else if (event instanceof RunEvent.PlaybookFinished e) {
            recap(e.stats(), e.elapsedMillis());
        }
        out.flush();
    }

    private void hostLine(RunEvent.HostDone e) {
        String item = e.item() == null ? "" : " => (item=" + e.item() + ")";
        String host = "[" + e.host() + "]";
        switch (e.outcome()) {
            case OK -> out.println(paint("ok: " + host + item + details(e, 1), Style.GREEN));
            case CHANGED -> out.println(paint("changed: " + host + item + details(e, 1), Style.YELLOW));
            case SKIPPED -> out.println(paint("skipping: " + host + item, Style.CYAN));
            case FAILED -> out.println(paint("fatal: " + host + ": FAILED! " + item + "=> " + failure(e), Style.RED));
            case IGNORED -> {
                out.println(paint("fatal: " + host + ": FAILED! " + item + "=> " + failure(e), Style.RED));
                out.println(paint("...ignoring", Style.CYAN));
            }
            case UNREACHABLE -> out.println(paint("fatal: " + host + ": UNREACHABLE! => " + failure(e), Style.RED));
        }
        if (e.diff() != null && !e.diff().isEmpty()) {
            out.print(e.diff());
            if (!e.diff().endsWith("\n")) {
                out.println();
            }
        }
        if (verbosity == 0) {
            // What debug says is the point of running it: show it, as Ansible does.
            for (String key : e.shown()) {
                out.println("    " + ResultText.quoted(key) + ": " + ResultText.value(e.result().get(key)));
            }
        }
    }

    private String details(RunEvent.HostDone e, int level) {
        return verbosity >= level ? " => " + ResultText.compact(e.result()) : "";
    }

    private static String failure(RunEvent.HostDone e) {
        return ResultText.failure(e.result(), e.where());
    }

    private void recap(Map<String, HostStats> stats, long millis) {
        header("PLAY RECAP");
        int width = stats.keySet().stream().mapToInt(String::length).max().orElse(10);
        for (Map.Entry<String, HostStats> entry : stats.entrySet()) {
            HostStats s = entry.getValue();
            Style style = s.failed() > 0 || s.unreachable() > 0 ? Style.RED : s.changed() > 0 ? Style.YELLOW : Style.GREEN;
            out.println(paint(pad(entry.getKey(), width), style) + " : "
                    + String.format("ok=%-4d changed=%-4d unreachable=%-4d failed=%-4d skipped=%-4d rescued=%-4d ignored=%d",
                    s.ok(), s.changed(), s.unreachable(), s.failed(), s.skipped(), s.rescued(), s.ignored()));
        }
        out.println();
        out.println(String.format("elapsed %.2f s", millis / 1000.0));
    }

    private void header(String title) {
        out.println();
        out.println(title + " " + "*".repeat(Math.max(3, WIDTH - title.length() - 1)));
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private enum Style {
        GREEN("32"), YELLOW("33"), RED("31"), CYAN("36");
        final String code;

        Style(String code) {
            this.code = code;
        }
    }

    private String paint(String text, Style style) {
        return colour ? "\u001b[" + style.code + "m" + text + "\u001b[0m" : text;
    }
}
