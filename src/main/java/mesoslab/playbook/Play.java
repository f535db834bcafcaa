package mesoslab.playbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mesoslab.common.SourceLocation;
import mesoslab.common.Var;

/** One play as written: its host pattern, variables and task lists, validated. */
public record Play(
        String name,
        String hosts,
        SourceLocation location,
        Path file,
        Map<String, Var> vars,
        List<VarsFile> varsFiles,
        Object become,
        String becomeUser,
        Serial serial,
        Object gatherFacts,
        String strategy,
        List<String> tags,
        Object anyErrorsFatal,
        Object maxFailPercentage,
        Map<String, Object> environment,
        List<Task> preTasks,
        List<Task> tasks,
        List<Task> postTasks,
        List<Task> handlers) {

    /** pre_tasks, tasks and post_tasks in running order. */
    public List<Task> allTasks() {
        java.util.ArrayList<Task> all = new java.util.ArrayList<>(preTasks);
        all.addAll(tasks);
        all.addAll(postTasks);
        return all;
    }

    public String displayName() {
        return name == null || name.isBlank() ? hosts : name;
    }
}
