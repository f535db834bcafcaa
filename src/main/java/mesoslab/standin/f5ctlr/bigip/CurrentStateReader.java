package mesoslab.standin.f5ctlr.bigip;

import com.fasterxml.jackson.databind.JsonNode;
import mesoslab.standin.f5ctlr.model.ObjectKind;
import mesoslab.standin.f5ctlr.model.PartitionState;

/**
 * Reads one partition the way CCCL refreshes its cache (reference 3.10): the partition itself for
 * its default route domain, then each managed collection with {@code $filter=partition+eq+P}
 * (virtuals and pools with {@code expandSubcollections=true}, so profiles and members come
 * inline). Nothing outside the partition is asked for.
 */
public final class CurrentStateReader {
    private final IControlClient client;

    public CurrentStateReader(IControlClient client) {
        this.client = client;
    }

    /** The partition's {@code defaultRouteDomain}; a missing partition is a 404 {@link IControlException}. */
    public int routeDomain(String partition) throws IControlException {
        try {
            return client.get("auth/partition/" + partition).path("defaultRouteDomain").asInt(0);
        } catch (IControlException e) {
            if (e.status() == 404) {
                throw new IControlException(404, "partition " + partition + " does not exist on the BIG-IP; create it first "
                        + "(tmsh create auth partition " + partition + ", or POST /mgmt/tm/auth/partition {\"name\":\"" + partition + "\"})");
            }
            throw e;
        }
    }

    public PartitionState read(String partition, int routeDomain) throws IControlException {
        StateParser parser = new StateParser(partition, routeDomain);
        String filter = "?$filter=partition+eq+" + partition;
        for (ObjectKind kind : ObjectKind.values()) {
            boolean expand = kind == ObjectKind.VIRTUAL || kind == ObjectKind.POOL;
            JsonNode collection = client.get(kind.collection() + "/" + filter + (expand ? "&expandSubcollections=true" : ""));
            parser.add(kind, collection);
        }
        return parser.build();
    }
}
