package mesoslab.standin.mesos.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The flags the real mesos-agent accepts (name → default), and those the stand-in acts on. */
final class AgentFlags {
    static final Map<String, String> KNOWN = new LinkedHashMap<>();
    static final Set<String> HONOURED = Set.of("master", "resources", "attributes", "work_dir", "ip", "port",
            "hostname", "advertise_ip", "advertise_port", "containerizers", "log_dir");

    static {
        KNOWN.put("port", "5051");
        KNOWN.put("containerizers", "mesos");
        for (String name : new String[] {"master", "resources", "attributes", "work_dir", "ip", "hostname",
                "advertise_ip", "advertise_port", "log_dir", "logging_level", "isolation", "launcher",
                "systemd_enable_support", "switch_user", "executor_registration_timeout", "executor_shutdown_grace_period",
                "docker", "docker_socket", "docker_stop_timeout", "docker_remove_delay", "docker_registry",
                "image_providers", "hostname_lookup", "gc_delay", "strict", "recover", "cgroups_root",
                "default_role", "credential", "help", "version", "quiet", "modules", "hooks", "runtime_dir",
                "fetcher_cache_dir", "frameworks_home", "http_credentials", "authenticatee", "registration_backoff_factor",
                "recovery_timeout", "network_cni_config_dir", "network_cni_plugins_dir", "cgroups_hierarchy",
                "ip_discovery_command", "sandbox_directory", "disk_watch_interval", "executor_environment_variables"}) {
            KNOWN.putIfAbsent(name, null);
        }
    }

    private AgentFlags() {}
}
