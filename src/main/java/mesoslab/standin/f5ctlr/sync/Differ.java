package mesoslab.standin.f5ctlr.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoslab.standin.f5ctlr.model.Addresses;
import mesoslab.standin.f5ctlr.model.BigIpObject;
import mesoslab.standin.f5ctlr.model.Monitor;
import mesoslab.standin.f5ctlr.model.ObjectKind;
import mesoslab.standin.f5ctlr.model.PartitionState;
import mesoslab.standin.f5ctlr.model.Pool;
import mesoslab.standin.f5ctlr.model.Virtual;

/**
 * Desired vs. current for one partition, as CCCL diffs it (reference section 2.7): create what is
 * missing, update what differs, delete what is not desired; creates and updates go monitors →
 * pools → virtuals (a pool needs its monitors, a virtual its pool), deletes go virtuals → pools →
 * monitors, then nodes no pool member uses and virtual addresses no virtual uses. Objects marked
 * unmanaged (whitelisted, or owned by an iApp) are neither changed nor deleted, and whatever they
 * refer to is kept. Pure; only the one partition both states describe is touched.
 */
public final class Differ {
    private Differ() {}

    public static List<Operation> diff(PartitionState desired, PartitionState current) {
        if (!desired.partition().equals(current.partition())) {
            throw new IllegalArgumentException("desired " + desired.partition() + " vs current " + current.partition());
        }
        Set<String> keep = referencedByUnmanaged(current);
        List<Operation> creates = new ArrayList<>();
        List<Operation> updates = new ArrayList<>();
        changes(desired.monitors(), current.monitors(), current, creates, updates);
        changes(desired.pools(), current.pools(), current, creates, updates);
        changes(desired.virtuals(), current.virtuals(), current, creates, updates);

        List<Operation> ops = new ArrayList<>(creates);
        ops.addAll(updates);
        deletes(desired.virtuals(), current.virtuals(), current, keep, ops);
        deletes(desired.pools(), current.pools(), current, keep, ops);
        deletes(desired.monitors(), current.monitors(), current, keep, ops);

        Set<String> usedNodes = new HashSet<>();
        desired.pools().values().forEach(p -> p.members().forEach(m -> usedNodes.add(Addresses.nodeOf(m))));
        for (Map.Entry<String, String> node : current.nodes().entrySet()) {
            if (!usedNodes.contains(node.getKey()) && !keep.contains(PartitionState.key(ObjectKind.NODE, node.getKey()))
                    && !current.isUnmanaged(ObjectKind.NODE, node.getValue())) {
                ops.add(new Operation.Delete(ObjectKind.NODE, current.partition(), node.getValue()));
            }
        }
        Set<String> usedAddresses = new HashSet<>();
        desired.virtuals().values().forEach(v -> usedAddresses.add(Addresses.addressOf(v.destination())));
        for (Map.Entry<String, String> va : current.virtualAddresses().entrySet()) {
            if (!usedAddresses.contains(va.getKey()) && !keep.contains(PartitionState.key(ObjectKind.VIRTUAL_ADDRESS, va.getKey()))
                    && !current.isUnmanaged(ObjectKind.VIRTUAL_ADDRESS, va.getValue())) {
                ops.add(new Operation.Delete(ObjectKind.VIRTUAL_ADDRESS, current.partition(), va.getValue()));
            }
        }
        return ops;
    }

    private static <T extends BigIpObject> void changes(Map<String, T> desired, Map<String, T> current, PartitionState state,
            List<Operation> creates, List<Operation> updates) {
        desired.forEach((key, want) -> {
            T have = current.get(key);
            if (have == null) {
                creates.add(new Operation.Create(want));
            } else if (!have.equals(want) && !state.isUnmanaged(have.kind(), have.name())) {
                updates.add(new Operation.Update(want));
            }
        });
    }

    private static <T extends BigIpObject> void deletes(Map<String, T> desired, Map<String, T> current, PartitionState state,
            Set<String> keep, List<Operation> ops) {
        current.forEach((key, have) -> {
            if (!desired.containsKey(key) && !state.isUnmanaged(have.kind(), have.name())
                    && !keep.contains(PartitionState.key(have.kind(), have.name()))) {
                ops.add(new Operation.Delete(have.kind(), have.partition(), have.name()));
            }
        });
    }

    /**
     * What unmanaged objects in this partition point at: deleting it would either fail (BIG-IP
     * refuses to delete a pool a virtual uses) or break the object the user asked us to keep.
     */
    private static Set<String> referencedByUnmanaged(PartitionState current) {
        Set<String> keep = new HashSet<>();
        String prefix = "/" + current.partition() + "/";
        for (Virtual v : current.virtuals().values()) {
            if (current.isUnmanaged(ObjectKind.VIRTUAL, v.name())) {
                if (v.pool().startsWith(prefix)) {
                    keep.add(PartitionState.key(ObjectKind.POOL, v.pool().substring(prefix.length())));
                }
                keep.add(PartitionState.key(ObjectKind.VIRTUAL_ADDRESS, Addresses.addressOf(v.destination())));
            }
        }
        for (Pool p : current.pools().values()) {
            if (current.isUnmanaged(ObjectKind.POOL, p.name()) || keep.contains(PartitionState.key(ObjectKind.POOL, p.name()))) {
                for (String monitor : p.monitors()) {
                    for (Monitor m : current.monitors().values()) {
                        if (m.fullPath().equals(monitor)) {
                            keep.add(PartitionState.key(m.kind(), m.name()));
                        }
                    }
                }
                p.members().forEach(member -> keep.add(PartitionState.key(ObjectKind.NODE, Addresses.nodeOf(member))));
            }
        }
        return keep;
    }
}
