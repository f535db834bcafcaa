package mesoslab.standin.marathon;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import mesoslab.standin.mesos.common.PortRange;
import mesoslab.standin.mesos.common.Resources;

/**
 * Decides which waiting instances one offer can take: enough cpus/mem/disk, host ports from the
 * offered ranges (a fixed host port only if offered, otherwise a random free one, as Marathon
 * does), and every constraint of the app satisfied given the app's instances already placed,
 * including those placed from this same offer.
 */
final class OfferMatcher {
    private final Random random;

    OfferMatcher(Random random) {
        this.random = random;
    }

    /** An app that wants {@code count} more instances. */
    record Demand(AppSpec app, int count) {}

    /** Where an already placed instance runs: constraint fields are read from it. */
    record Placed(String hostname, Map<String, String> attributes) {
        String field(String name) {
            return "hostname".equals(name) ? hostname : attributes.get(name);
        }
    }

    /** One instance to launch from the offer, with the host ports chosen for it (in port order). */
    record Launch(AppSpec app, List<Integer> hostPorts) {}

    /**
     * @param placed app id → its current instances' placement (not including this offer's)
     */
    List<Launch> match(Offer offer, List<Demand> demands, Map<String, List<Placed>> placed, int maxPerOffer) {
        List<Launch> launches = new ArrayList<>();
        Resources left = offer.resources();
        Set<Integer> taken = new HashSet<>();
        Placed here = new Placed(offer.hostname(), offer.attributes());
        for (Demand demand : demands) {
            AppSpec app = demand.app();
            List<Placed> others = new ArrayList<>(placed.getOrDefault(app.id(), List.of()));
            for (int n = 0; n < demand.count() && launches.size() < maxPerOffer; n++) {
                if (left.cpus() + 1e-6 < app.cpus() || left.mem() + 1e-6 < app.mem() || left.disk() + 1e-6 < app.disk()) {
                    break;
                }
                if (!constraintsAccept(app, here, others)) {
                    break;
                }
                List<Integer> ports = pickPorts(app, left, taken);
                if (ports == null) {
                    break;
                }
                taken.addAll(ports);
                List<PortRange> used = ports.stream().map(p -> new PortRange(p, p)).toList();
                left = left.minus(new Resources(app.cpus(), app.mem(), app.disk(), used));
                launches.add(new Launch(app, ports));
                others.add(here);
            }
        }
        return launches;
    }

    static boolean constraintsAccept(AppSpec app, Placed here, List<Placed> others) {
        for (Constraint c : app.constraints()) {
            List<String> values = others.stream().map(p -> p.field(c.field())).toList();
            if (!c.accepts(here.field(c.field()), values)) {
                return false;
            }
        }
        return true;
    }

    private List<Integer> pickPorts(AppSpec app, Resources offered, Set<Integer> taken) {
        List<Integer> chosen = new ArrayList<>();
        Set<Integer> used = new HashSet<>(taken);
        for (PortSpec p : app.ports()) {
            if (p.hostPort() == null) {
                continue;
            }
            if (p.hostPort() > 0) {
                if (!offers(offered, p.hostPort()) || used.contains(p.hostPort())) {
                    return null;
                }
                chosen.add(p.hostPort());
            } else {
                Integer free = randomFree(offered, used);
                if (free == null) {
                    return null;
                }
                chosen.add(free);
            }
            used.add(chosen.get(chosen.size() - 1));
        }
        return chosen;
    }

    private static boolean offers(Resources r, int port) {
        return r.ports().stream().anyMatch(x -> x.begin() <= port && port <= x.end());
    }

    private Integer randomFree(Resources r, Set<Integer> used) {
        List<Integer> free = new ArrayList<>();
        for (PortRange range : r.ports()) {
            for (long p = range.begin(); p <= range.end() && free.size() < 100_000; p++) {
                if (!used.contains((int) p)) {
                    free.add((int) p);
                }
            }
        }
        return free.isEmpty() ? null : free.get(random.nextInt(free.size()));
    }
}
