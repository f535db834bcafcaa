package mesoslab.plan;

import java.util.List;
import mesoslab.inventory.Host;
import mesoslab.playbook.Play;
import mesoslab.playbook.Task;

/** A play with the hosts it runs on (pattern and --limit applied) and the tasks the tags select. */
public record PlannedPlay(int number, Play play, List<Host> hosts, List<Task> tasks, List<Task> handlers) {
    /** Play tags plus task tags, as {@code --list-tags} shows them. */
    public java.util.SortedSet<String> allTags() {
        java.util.TreeSet<String> tags = new java.util.TreeSet<>(play.tags());
        tasks.forEach(t -> tags.addAll(t.allTags()));
        return tags;
    }
}
