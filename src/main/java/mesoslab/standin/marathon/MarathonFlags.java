package mesoslab.standin.marathon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Marathon's command line as its launcher reads it: every {@code MARATHON_<FLAG>} variable becomes
 * {@code --flag value} (an empty value: a bare boolean flag), then the real arguments, which win.
 * Values come as {@code --flag value} or {@code --flag=value}; toggles as {@code --ha} /
 * {@code --disable_ha}. Unknown flags are refused, as scallop does.
 *
 * @param values  every flag with a value (defaults included); toggles hold "true"/"false"
 * @param ignored flags given that the real Marathon knows but the stand-in does not act on
 */
public record MarathonFlags(Map<String, String> values, Set<String> ignored) {

    /** Marathon's toggles (name → default); each also exists as {@code --disable_<name>}. */
    static final Map<String, String> TOGGLES = Map.of("ha", "true", "checkpoint", "true", "http", "true",
            "metrics", "true", "metrics_prometheus", "false", "zk_compression", "true", "tracing", "false",
            "mesos_authentication", "false", "revive_offers_for_new_apps", "true", "suppress_offers", "false");

    /** Flags taking a value (name → default, null when none). */
    static final Map<String, String> VALUED = new LinkedHashMap<>();

    /** What the stand-in acts on; everything else is accepted and logged. */
    static final Set<String> HONOURED = Set.of("master", "zk", "hostname", "http_port", "http_address",
            "framework_name", "ha", "mesos_user", "mesos_role", "webui_url", "failover_timeout", "task_launch_timeout",
            "zk_session_timeout", "zk_timeout", "decline_offer_duration", "local_port_min", "local_port_max",
            "min_revive_offers_interval", "reconciliation_interval", "mesos_leader_ui_url", "env_vars_prefix",
            "scale_apps_interval", "kill_retry_timeout");

    static {
        VALUED.put("master", null);
        VALUED.put("zk", "zk://localhost:2181/marathon");
        VALUED.put("hostname", null);
        VALUED.put("http_port", "8080");
        VALUED.put("https_port", "8443");
        VALUED.put("framework_name", "marathon");
        VALUED.put("failover_timeout", "604800");
        VALUED.put("task_launch_timeout", "300000");
        VALUED.put("task_launch_confirm_timeout", "300000");
        VALUED.put("zk_session_timeout", "10000");
        VALUED.put("zk_connection_timeout", "10000");
        VALUED.put("zk_timeout", "10000");
        VALUED.put("leader_election_backend", "curator");
        VALUED.put("decline_offer_duration", "120000");
        VALUED.put("local_port_min", "10000");
        VALUED.put("local_port_max", "20000");
        VALUED.put("min_revive_offers_interval", "5000");
        VALUED.put("reconciliation_interval", "600000");
        VALUED.put("reconciliation_initial_delay", "15000");
        VALUED.put("scale_apps_interval", "300000");
        VALUED.put("scale_apps_initial_delay", "15000");
        VALUED.put("kill_retry_timeout", "10000");
        VALUED.put("mesos_role", "*");
        VALUED.put("max_instances_per_offer", "5");
        for (String name : new String[] {"http_address", "https_address", "mesos_user", "webui_url", "mesos_leader_ui_url",
                "env_vars_prefix", "access_control_allow_origin", "http_credentials", "http_realm", "ssl_keystore_path",
                "ssl_keystore_password", "assets_path", "plugin_dir", "plugin_conf", "logging_level", "enable_features",
                "default_accepted_resource_roles", "mesos_authentication_principal", "mesos_authentication_secret_file",
                "mesos_authentication_secret", "event_stream_max_outstanding_messages", "max_running_deployments",
                "offer_matching_timeout", "task_lost_expunge_initial_delay", "task_lost_expunge_interval",
                "task_reservation_timeout", "metrics_name_prefix", "metrics_statsd_host", "metrics_statsd_port",
                "http_max_concurrent_requests", "mesos_heartbeat_interval", "mesos_heartbeat_failure_threshold",
                "gpu_scheduling_behavior", "mesos_bridge_name", "draining_seconds", "new_group_enforce_role",
                "on_elected_prepare_timeout", "leader_proxy_connection_timeout", "leader_proxy_read_timeout",
                "zk_max_versions", "zk_max_node_size", "max_apps", "store_cache", "backup_location",
                "executor", "save_tasks_to_launch_timeout", "launch_token_refresh_interval", "launch_tokens",
                "offer_matching_timeout", "deprecated_features", "mesos_leader_ui_url", "mesos_role",
                "logstash", "sentry", "sentry_tags", "max_concurrent_http_connections", "http_event_request_timeout",
                "http_event_callback_slow_consumer_timeout", "max_instances_per_offer", "max_tasks_per_offer",
                "reconciliation_initial_delay", "task_launch_confirm_timeout", "mesos_user"}) {
            VALUED.putIfAbsent(name, null);
        }
    }

    /** Parses env then args, as Marathon's start script and scallop do. */
    public static MarathonFlags parse(String[] args, Map<String, String> env) throws FlagException {
        Map<String, String> values = new LinkedHashMap<>();
        VALUED.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        values.putAll(TOGGLES);
        Set<String> given = new TreeSet<>();
        Map<String, String> sortedEnv = new java.util.TreeMap<>(env);
        for (Map.Entry<String, String> e : sortedEnv.entrySet()) {
            // The launcher skips MARATHON_APP_*: Marathon itself sets those in its tasks' environment.
            if (e.getKey().startsWith("MARATHON_") && !e.getKey().startsWith("MARATHON_APP_")) {
                String name = e.getKey().substring("MARATHON_".length()).toLowerCase(Locale.ROOT);
                apply(name, e.getValue().isEmpty() ? null : e.getValue(), values, given);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new FlagException("[scallop] Error: Excess arguments provided: '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (VALUED.containsKey(name)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new FlagException("[scallop] Error: Option '" + name + "' needs one argument");
                }
                value = args[++i];
            }
            apply(name, value, values, given);
        }
        if (!values.containsKey("master")) {
            throw new FlagException("[scallop] Error: Required option 'master' not found");
        }
        Set<String> ignored = new TreeSet<>(given);
        ignored.removeAll(HONOURED);
        return new MarathonFlags(Collections.unmodifiableMap(values), Collections.unmodifiableSet(ignored));
    }

    private static void apply(String name, String value, Map<String, String> values, Set<String> given) throws FlagException {
        if (VALUED.containsKey(name)) {
            if (value == null) {
                throw new FlagException("[scallop] Error: Option '" + name + "' needs one argument");
            }
            values.put(name, value);
            given.add(name);
        } else if (TOGGLES.containsKey(name) || name.startsWith("disable_") && TOGGLES.containsKey(name.substring(8))) {
            boolean disable = !TOGGLES.containsKey(name);
            String base = disable ? name.substring(8) : name;
            if (value != null && !value.isEmpty()) {
                throw new FlagException("[scallop] Error: Option '" + name + "' does not take an argument");
            }
            values.put(base, Boolean.toString(!disable));
            given.add(base);
        } else {
            throw new FlagException("[scallop] Error: Unknown option '" + name + "'");
        }
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String value(String name) {
        return values.get(name);
    }

    public boolean toggle(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    public long longValue(String name) throws FlagException {
        String v = values.get(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new FlagException("[scallop] Error: Bad arguments for option '" + name + "': '" + v + "'");
        }
    }

    public int intValue(String name) throws FlagException {
        return (int) longValue(name);
    }
}
