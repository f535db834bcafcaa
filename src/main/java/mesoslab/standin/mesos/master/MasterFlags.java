package mesoslab.standin.mesos.master;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The flags the real mesos-master accepts (name → default), and those the stand-in acts on. */
final class MasterFlags {
    static final Map<String, String> KNOWN = new LinkedHashMap<>();
    static final Set<String> HONOURED = Set.of("zk", "ip", "port", "hostname", "advertise_ip", "advertise_port",
            "cluster", "log_dir", "quorum", "work_dir", "registry", "zk_session_timeout");

    static {
        KNOWN.put("port", "5050");
        KNOWN.put("registry", "replicated_log");
        KNOWN.put("zk_session_timeout", "10secs");
        for (String name : new String[] {"zk", "quorum", "work_dir", "ip", "hostname", "cluster", "advertise_ip",
                "advertise_port", "log_dir", "logging_level", "zk_session_timeout", "hostname_lookup", "offer_timeout",
                "max_agent_ping_timeouts", "agent_ping_timeout", "allocation_interval", "authenticate_frameworks",
                "authenticate_agents", "authenticate_http_readonly", "authenticate_http_readwrite", "roles", "weights",
                "credentials", "acls", "webui_dir", "external_log_file", "framework_sorter", "user_sorter",
                "initialize_driver_logging", "registry_fetch_timeout", "registry_store_timeout", "registry_strict",
                "agent_reregister_timeout", "slave_reregister_timeout", "recovery_agent_removal_limit",
                "max_completed_frameworks", "max_completed_tasks_per_framework", "authenticators", "http_authenticators",
                "ip_discovery_command", "filter_gpu_resources", "min_allocatable_resources", "max_agent_ping_timeouts",
                "quiet", "help", "version", "modules", "hooks", "allocator", "log_auto_initialize", "zk_session_timeout"}) {
            KNOWN.putIfAbsent(name, null);
        }
    }

    private MasterFlags() {}
}
