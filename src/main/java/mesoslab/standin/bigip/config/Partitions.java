package mesoslab.standin.bigip.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code auth/partition}: the one collection addressed by bare name ({@code /mgmt/tm/auth/partition/mesos})
 * whose objects have {@code fullPath} = the name and no {@code partition} property.
 */
public final class Partitions {
    private final Mcpd mcpd;

    public Partitions(Mcpd mcpd) {
        this.mcpd = mcpd;
    }

    public List<ObjectNode> list() {
        return new ArrayList<>(mcpd.snapshot().partitions());
    }

    public ObjectNode get(String name) throws ConfigException {
        ObjectNode p = mcpd.snapshot().partitionMap().get(name);
        if (p == null) {
            throw ConfigException.notFound("partition", name);
        }
        return p;
    }

    public ObjectNode create(JsonNode body) throws ConfigException {
        synchronized (mcpd) {
            Config work = mcpd.workingCopy();
            String name = ObjectId.parse(body.path("name").asText(""), ObjectId.COMMON).name();
            if (name.isEmpty()) {
                throw ConfigException.badRequest("01070734:3: Configuration error: the name of a partition is required.");
            }
            if (work.partitionMap().containsKey(name)) {
                throw new ConfigException(409, "01020066:3: The requested folder (/" + name + ") already exists.", 3);
            }
            ObjectNode partition = Shapes.defaults("auth/partition");
            partition.setAll(Shapes.read(null, body).props());
            identify(partition, name, work.nextGeneration());
            work.partitionMap().put(name, partition);
            mcpd.commitConfig(work);
            return partition;
        }
    }

    public ObjectNode update(String name, JsonNode body, boolean replace) throws ConfigException {
        synchronized (mcpd) {
            Config work = mcpd.workingCopy();
            ObjectNode existing = work.partitionMap().get(name);
            if (existing == null) {
                throw ConfigException.notFound("partition", name);
            }
            ObjectNode partition = replace ? Shapes.defaults("auth/partition") : existing.deepCopy();
            partition.setAll(Shapes.read(null, body).props());
            identify(partition, name, work.nextGeneration());
            work.partitionMap().put(name, partition);
            mcpd.commitConfig(work);
            return partition;
        }
    }

    public ObjectNode delete(String name) throws ConfigException {
        synchronized (mcpd) {
            Config work = mcpd.workingCopy();
            ObjectNode existing = work.partitionMap().get(name);
            if (existing == null) {
                throw ConfigException.notFound("partition", name);
            }
            Relations.refuseDeletePartition(work, name);
            work.partitionMap().remove(name);
            mcpd.commitConfig(work);
            return existing;
        }
    }

    static void identify(ObjectNode partition, String name, long generation) {
        partition.put("name", name);
        partition.put("fullPath", name);
        partition.put("generation", generation);
    }
}
