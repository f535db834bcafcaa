package mesoslab.vars;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import mesoslab.inventory.Group;
import mesoslab.inventory.Host;
import mesoslab.inventory.Inventory;

/**
 * Variables mesoslab defines itself: {@code inventory_hostname}, {@code inventory_hostname_short},
 * {@code group_names}, {@code groups}, {@code hostvars}, {@code play_hosts}. They cannot be
 * overridden by inventory or play variables.
 */
public final class MagicVars {
    public static final Set<String> NAMES = Set.of("inventory_hostname", "inventory_hostname_short", "group_names",
            "groups", "hostvars", "play_hosts", "ansible_play_hosts");

    private MagicVars() {}

    /**
     * @param hostVars gives any host's variables on demand (for {@code hostvars}); called lazily
     *                 so that a template touching one host does not compute every host
     */
    public static Map<String, Object> of(Inventory inventory, Host host, List<String> playHosts,
                                         Function<Host, Map<String, Object>> hostVars) {
        Map<String, Object> magic = new LinkedHashMap<>();
        magic.put("inventory_hostname", host.name());
        int dot = host.name().indexOf('.');
        magic.put("inventory_hostname_short", dot < 0 ? host.name() : host.name().substring(0, dot));
        magic.put("group_names", host.allGroups().stream().map(Group::name).filter(n -> !n.equals("all")).sorted().toList());
        magic.put("groups", groups(inventory));
        magic.put("hostvars", new LazyHostVars(inventory, hostVars));
        magic.put("play_hosts", playHosts);
        magic.put("ansible_play_hosts", playHosts);
        return magic;
    }

    /** Every group's hosts (descendants included), by group name in inventory order. */
    public static Map<String, List<String>> groups(Inventory inventory) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Group group : inventory.groups()) {
            groups.put(group.name(), group.allHosts().stream().map(Host::name).toList());
        }
        return groups;
    }

    /** A map of host name to variables that computes each host's entry on first use. */
    private static final class LazyHostVars extends AbstractMap<String, Object> {
        private final Inventory inventory;
        private final Function<Host, Map<String, Object>> hostVars;
        private final Map<String, Map<String, Object>> cache = new ConcurrentHashMap<>();

        LazyHostVars(Inventory inventory, Function<Host, Map<String, Object>> hostVars) {
            this.inventory = inventory;
            this.hostVars = hostVars;
        }

        @Override
        public Object get(Object key) {
            Host host = key instanceof String name ? inventory.host(name) : null;
            return host == null ? null : cache.computeIfAbsent(host.name(), n -> hostVars.apply(host));
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && inventory.host(name) != null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            // Keyed by name only: a host's variables hold hostvars again, so hashing them would never end.
            Map<String, Object> entries = new LinkedHashMap<>();
            for (Host host : inventory.hosts()) {
                entries.put(host.name(), get(host.name()));
            }
            return entries.entrySet();
        }
    }
}
