package mesoslab.cli;

import java.io.PrintWriter;
import java.util.List;
import mesoslab.inventory.Host;
import mesoslab.plan.Plan;
import mesoslab.plan.PlannedPlay;
import mesoslab.playbook.Task;

/** Prints {@code --syntax-check}, {@code --list-hosts}, {@code --list-tasks} and {@code --list-tags} as ansible-playbook does. */
final class PlaybookListing {
    private final PrintWriter out;
    private final String playbookAsTyped;

    PlaybookListing(PrintWriter out, String playbookAsTyped) {
        this.out = out;
        this.playbookAsTyped = playbookAsTyped;
    }

    void syntaxCheck() {
        out.println();
        out.println("playbook: " + playbookAsTyped);
        out.flush();
    }

    void list(Plan plan, boolean hosts, boolean tasks, boolean tags) {
        out.println();
        out.println("playbook: " + playbookAsTyped);
        for (PlannedPlay planned : plan.plays()) {
            out.println();
            String name = planned.play().name() == null ? planned.play().hosts() : planned.play().name();
            out.println("  play #" + planned.number() + " (" + planned.play().hosts() + "): " + name + "\tTAGS: " + tagList(planned.play().tags()));
            if (hosts) {
                out.println("    pattern: " + pythonList(List.of(planned.play().hosts())));
                out.println("    hosts (" + planned.hosts().size() + "):");
                for (Host host : planned.hosts()) {
                    out.println("      " + host.name());
                }
            }
            if (tags) {
                out.println("      TASK TAGS: " + tagList(List.copyOf(planned.allTags())));
            }
            if (tasks) {
                out.println("    tasks:");
                for (Task task : planned.tasks()) {
                    java.util.TreeSet<String> all = new java.util.TreeSet<>(planned.play().tags());
                    all.addAll(task.allTags());
                    out.println("      " + task.displayName() + "\tTAGS: " + tagList(List.copyOf(all)));
                }
            }
        }
        out.flush();
    }

    private static String tagList(List<String> tags) {
        return "[" + String.join(", ", tags) + "]";
    }

    private static String pythonList(List<String> items) {
        return "[" + String.join(", ", items.stream().map(i -> "'" + i + "'").toList()) + "]";
    }
}
