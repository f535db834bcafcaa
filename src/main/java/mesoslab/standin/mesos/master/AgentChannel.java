package mesoslab.standin.mesos.master;

/**
 * The stand-in-only exchange between master and agents (the real ones speak libprocess
 * protobuf messages, which nothing outside Mesos observes). All bodies are JSON:
 * <ul>
 *   <li>agent → master {@code POST /internal/agent/register}
 *       {@code {agent_id?, hostname, ip, port, resources:"cpus:..;..", attributes:"rack:r1;..", tasks:[{framework_id, state, statuses, task}]}}
 *       → {@code {agent_id, master_id}}; sent again every second as the ping, and after a failover
 *       with the known id and tasks (re-registration).</li>
 *   <li>agent → master {@code POST /internal/agent/status} {@code {agent_id, framework_id, status:TaskStatus}}</li>
 *   <li>master → agent {@code POST /internal/launch} {@code {framework_id, agent_id, task:TaskInfo}} and
 *       {@code POST /internal/kill} {@code {framework_id, task_id}}</li>
 * </ul>
 * A non-leading master answers the agent paths with 307/503 like its state endpoints.
 */
public final class AgentChannel {
    public static final String REGISTER = "/internal/agent/register";
    public static final String STATUS = "/internal/agent/status";
    public static final String LAUNCH = "/internal/launch";
    public static final String KILL = "/internal/kill";

    private AgentChannel() {}
}
