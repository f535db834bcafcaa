package mesoslab.standin.mesos.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks as real processes the way the Mesos command executor would: a sandbox folder with
 * {@code stdout}/{@code stderr}, {@code MESOS_*} variables plus the TaskInfo's environment, state
 * reports STARTING → RUNNING → FINISHED/FAILED/KILLED, and a kill that takes the whole process tree.
 */
final class TaskLauncher {
    private static final java.util.Set<String> TERMINAL = java.util.Set.of("TASK_FINISHED", "TASK_FAILED", "TASK_KILLED");
    private final Path workDir;
    private final String agentEndpoint;
    private final StatusSink sink;
    private final Map<String, RunningTask> tasks = new ConcurrentHashMap<>();

    TaskLauncher(Path workDir, String agentEndpoint, StatusSink sink) {
        this.workDir = workDir;
        this.agentEndpoint = agentEndpoint;
        this.sink = sink;
    }

    Collection<RunningTask> tasks() {
        return tasks.values();
    }

    void launch(String agentId, String frameworkId, JsonNode info) {
        String taskId = info.path("task_id").path("value").asText();
        Path sandbox = workDir.resolve("slaves").resolve(agentId).resolve("frameworks").resolve(frameworkId)
                .resolve("executors").resolve(taskId).resolve("runs").resolve(UUID.randomUUID().toString());
        RunningTask task = new RunningTask(frameworkId, info, sandbox);
        tasks.put(taskId, task);
        try {
            List<String> argv = argv(info);
            Files.createDirectories(sandbox);
            ProcessBuilder builder = new ProcessBuilder(argv).directory(sandbox.toFile())
                    .redirectOutput(sandbox.resolve("stdout").toFile()).redirectError(sandbox.resolve("stderr").toFile());
            Map<String, String> env = builder.environment();
            env.put("MESOS_SANDBOX", sandbox.toString());
            env.put("MESOS_DIRECTORY", sandbox.toString());
            env.put("MESOS_TASK_ID", taskId);
            env.put("MESOS_EXECUTOR_ID", taskId);
            env.put("MESOS_FRAMEWORK_ID", frameworkId);
            env.put("MESOS_AGENT_ENDPOINT", agentEndpoint);
            env.put("MESOS_SLAVE_ID", agentId);
            for (JsonNode v : info.path("command").path("environment").path("variables")) {
                env.put(v.path("name").asText(), v.path("value").asText());
            }
            report(task, "TASK_STARTING", null, null);
            task.process = builder.start();
            report(task, "TASK_RUNNING", null, null);
            task.process.onExit().thenAccept(p -> exited(task, p.exitValue()));
        } catch (UnsupportedTaskException e) {
            report(task, "TASK_FAILED", "REASON_CONTAINER_LAUNCH_FAILED", e.getMessage());
        } catch (IOException e) {
            report(task, "TASK_FAILED", "REASON_CONTAINER_LAUNCH_FAILED", "Failed to launch task " + taskId + ": " + e.getMessage());
        }
    }

    private static List<String> argv(JsonNode info) throws UnsupportedTaskException {
        JsonNode container = info.path("container");
        if ("DOCKER".equals(container.path("type").asText())) {
            String image = container.path("docker").path("image").asText();
            int hostPort = container.path("docker").path("port_mappings").path(0).path("host_port").asInt(0);
            if (hostPort == 0) {
                JsonNode ranges = info.path("resources");
                for (JsonNode r : ranges) {
                    if ("ports".equals(r.path("name").asText())) {
                        hostPort = r.path("ranges").path("range").path(0).path("begin").asInt(0);
                    }
                }
            }
            return DockerImageTable.command(image, hostPort).orElseThrow(() -> new UnsupportedTaskException(
                    "Failed to launch container: docker image '" + image + "' is not available on this stand-in agent;"
                            + " supported images: " + String.join(", ", DockerImageTable.supported())));
        }
        JsonNode command = info.path("command");
        if (!command.has("value")) {
            throw new UnsupportedTaskException("Task has no command value and no supported docker image");
        }
        List<String> argv = new ArrayList<>();
        if (command.path("shell").asBoolean(true)) {
            argv.add("sh");
            argv.add("-c");
            argv.add(command.path("value").asText());
        } else {
            argv.add(command.path("value").asText());
            command.path("arguments").forEach(a -> argv.add(a.asText()));
            if (argv.size() > 1) {
                argv.remove(1); // Mesos passes arguments[0] as argv[0]; the program path replaces it.
            }
        }
        return argv;
    }

    private void exited(RunningTask task, int code) {
        if (task.killRequested) {
            report(task, "TASK_KILLED", null, "Command terminated with signal");
        } else if (code == 0) {
            report(task, "TASK_FINISHED", null, "Command exited with status 0");
        } else {
            report(task, "TASK_FAILED", "REASON_COMMAND_EXECUTOR_FAILED", "Command exited with status " + code);
        }
    }

    /** Kills the task's whole process tree: children first so none is re-parented and left behind. */
    void kill(String taskId) {
        RunningTask task = tasks.get(taskId);
        if (task == null || TERMINAL.contains(task.state)) {
            return;
        }
        task.killRequested = true;
        Process process = task.process;
        if (process == null || !process.isAlive()) {
            if (process == null) {
                report(task, "TASK_KILLED", null, "Killed before start");
            }
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    void killAll() {
        tasks.keySet().forEach(this::kill);
    }

    private void report(RunningTask task, String state, String reason, String message) {
        task.state = state;
        task.statuses.addObject().put("state", state).put("timestamp", System.currentTimeMillis() / 1000.0);
        sink.report(task.frameworkId, task.id(), state, reason, message);
    }

    /** A task the stand-in cannot run (unknown image, no command). */
    static final class UnsupportedTaskException extends Exception {
        UnsupportedTaskException(String message) {
            super(message);
        }
    }
}
