package mesoslab.standin.mesos.agent;

/** Where a running task's state changes go (the agent forwards them to the leading master). */
@FunctionalInterface
interface StatusSink {
    void report(String frameworkId, String taskId, String state, String reason, String message);
}
