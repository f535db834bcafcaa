package mesoslab.standin.f5ctlr.bigip;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import mesoslab.standin.f5ctlr.model.Addresses;
import mesoslab.standin.f5ctlr.model.Monitor;
import mesoslab.standin.f5ctlr.model.ObjectKind;
import mesoslab.standin.f5ctlr.model.PartitionState;
import mesoslab.standin.f5ctlr.model.Pool;
import mesoslab.standin.f5ctlr.model.Virtual;
import mesoslab.standin.f5ctlr.model.Virtual.ProfileRef;
import mesoslab.standin.f5ctlr.model.Virtual.Snat;

/**
 * iControl REST collection answers to a {@link PartitionState}, normalised the way CCCL compares:
 * route domains made explicit, monitor rules read as a sorted list of paths, members by name,
 * profiles without context, missing strings as empty. Collections may leave {@code items} out
 * when empty. Objects in other partitions are skipped even if the filter let them through.
 */
public final class StateParser {
    private final PartitionState.Builder state;
    private final String partition;
    private final int routeDomain;

    public StateParser(String partition, int routeDomain) {
        this.state = new PartitionState.Builder(partition, routeDomain);
        this.partition = partition;
        this.routeDomain = routeDomain;
    }

    public StateParser add(ObjectKind kind, JsonNode collection) {
        for (JsonNode item : collection.path("items")) {
            if (!partition.equals(item.path("partition").asText())) {
                continue;
            }
            String name = item.path("name").asText();
            if (isUnmanaged(item)) {
                state.unmanaged(kind, name);
            }
            switch (kind) {
                case VIRTUAL -> state.add(virtual(item));
                case POOL -> state.add(pool(item));
                case NODE -> state.node(Addresses.withRouteDomain(name, routeDomain), name);
                case VIRTUAL_ADDRESS -> state.virtualAddress(Addresses.withRouteDomain(name, routeDomain), name);
                default -> state.add(monitor(kind, item));
            }
        }
        return this;
    }

    public PartitionState build() {
        return state.build();
    }

    /** Whitelisted through CCCL's {@code cccl-whitelist} metadata, or created by an iApp. */
    static boolean isUnmanaged(JsonNode item) {
        if (item.hasNonNull("appService") && !item.path("appService").asText().isEmpty()) {
            return true;
        }
        for (JsonNode meta : item.path("metadata")) {
            if (meta.path("name").asText().equals("cccl-whitelist")
                    && List.of("true", "1").contains(meta.path("value").asText().toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private Monitor monitor(ObjectKind kind, JsonNode item) {
        return new Monitor(partition, item.path("name").asText(), kind, item.path("interval").asInt(5),
                item.path("timeout").asInt(16), item.path("send").asText(""), item.path("recv").asText(""));
    }

    private Pool pool(JsonNode item) {
        TreeSet<String> members = new TreeSet<>();
        for (JsonNode member : item.path("membersReference").path("items")) {
            members.add(Addresses.canonicalEndpoint(member.path("name").asText(), routeDomain));
        }
        return new Pool(partition, item.path("name").asText(), item.path("loadBalancingMode").asText("round-robin"),
                monitorPaths(item.path("monitor").asText("")), members);
    }

    /** {@code "/P/a and /P/b "} or {@code "min 1 of { /P/a /P/b }"} to the sorted paths; {@code default} names none. */
    static List<String> monitorPaths(String rule) {
        List<String> paths = new ArrayList<>();
        for (String token : rule.trim().split("[\\s{}]+")) {
            if (!token.isEmpty() && !List.of("and", "min", "of", "default", "none").contains(token) && !token.matches("\\d+")) {
                paths.add(token.startsWith("/") ? token : "/Common/" + token);
            }
        }
        return paths.stream().sorted().toList();
    }

    private Virtual virtual(JsonNode item) {
        List<ProfileRef> profiles = new ArrayList<>();
        for (JsonNode profile : item.path("profilesReference").path("items")) {
            profiles.add(new ProfileRef(profile.path("partition").asText("Common"), profile.path("name").asText()));
        }
        JsonNode snat = item.path("sourceAddressTranslation");
        boolean enabled = !item.path("disabled").asBoolean(false) && item.path("enabled").asBoolean(true);
        return new Virtual(partition, item.path("name").asText(),
                Addresses.canonicalDestination(item.path("destination").asText(""), partition, routeDomain),
                item.path("ipProtocol").asText("any"), item.path("pool").asText(""), profiles,
                new Snat(snat.path("type").asText("none"), snat.path("pool").asText("")), enabled);
    }
}
