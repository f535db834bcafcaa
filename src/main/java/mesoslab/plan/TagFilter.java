package mesoslab.plan;

import java.util.List;
import java.util.Set;

/**
 * Ansible's tag selection: {@code --tags} runs tasks carrying any of the tags ({@code all} is the
 * default, {@code tagged} and {@code untagged} are special), {@code --skip-tags} removes tasks
 * carrying any of them. A task tagged {@code always} runs unless {@code always} is skipped; one
 * tagged {@code never} runs only when one of its other tags is asked for explicitly.
 */
public record TagFilter(Set<String> only, Set<String> skip) {
    public static final TagFilter ALL = new TagFilter(Set.of(), Set.of());

    public boolean selects(List<String> tags) {
        if (!skip.isEmpty()) {
            if (tags.stream().anyMatch(skip::contains)) {
                return false;
            }
            if (skip.contains("tagged") && !tags.isEmpty()) {
                return false;
            }
            if (skip.contains("untagged") && tags.isEmpty()) {
                return false;
            }
        }
        boolean onlyAll = only.isEmpty() || only.contains("all");
        if (tags.contains("never")) {
            return tags.stream().anyMatch(t -> !t.equals("never") && only.contains(t)) || only.contains("never");
        }
        if (tags.contains("always")) {
            return true;
        }
        if (onlyAll) {
            return true;
        }
        if (only.contains("tagged") && !tags.isEmpty()) {
            return true;
        }
        if (only.contains("untagged") && tags.isEmpty()) {
            return true;
        }
        return tags.stream().anyMatch(only::contains);
    }
}
