package mesoslab.standin.bigip.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import mesoslab.standin.bigip.config.ObjectId;
import mesoslab.standin.bigip.config.ObjectType;
import mesoslab.standin.bigip.config.ObjectTypes;
import mesoslab.standin.bigip.dataplane.MemberHealth;
import mesoslab.standin.http.Json;

/**
 * Turns stored objects into what iControl REST answers: {@code kind}, {@code selfLink} with
 * {@code ?ver=} (host literally {@code localhost}, as BIG-IP writes it), sub-collection
 * references (with {@code items} only when expanded), and a member's live monitor state.
 */
final class Renderer {
    private final String version;
    private final MemberHealth health;

    Renderer(String version, MemberHealth health) {
        this.version = version;
        this.health = health;
    }

    String link(String tmPath) {
        return "https://localhost/mgmt/tm/" + tmPath.replace("%", "%25") + "?ver=" + version;
    }

    ObjectNode collection(String kind, String tmPath, List<ObjectNode> items) {
        ObjectNode c = Json.object();
        c.put("kind", kind);
        c.put("selfLink", link(tmPath));
        if (!items.isEmpty()) {
            // BIG-IP leaves items out of an empty collection; clients must cope, so we do the same.
            ArrayNode array = c.putArray("items");
            items.forEach(array::add);
        }
        return c;
    }

    ObjectNode object(ObjectType type, ObjectNode stored, boolean expand) {
        ObjectId id = new ObjectId(stored.path("partition").asText(), stored.path("name").asText());
        String path = type.path() + "/" + id.tildePath();
        ObjectNode out = Json.object();
        out.put("kind", type.kind());
        out.put("name", id.name());
        out.put("partition", id.partition());
        out.put("fullPath", id.fullPath());
        out.put("generation", stored.path("generation").asLong());
        out.put("selfLink", link(path));
        stored.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey()) && !type.subcollections().contains(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        if (type.equals(ObjectTypes.VIRTUAL) && stored.hasNonNull("pool")) {
            ObjectId pool = ObjectId.parse(stored.get("pool").asText(), id.partition());
            out.putObject("poolReference").put("link", link(ObjectTypes.POOL.path() + "/" + pool.tildePath()));
        }
        for (String sub : type.subcollections()) {
            ObjectNode ref = out.putObject(sub + "Reference");
            ref.put("link", link(path + "/" + sub));
            ref.put("isSubcollection", true);
            if (expand) {
                ArrayNode items = ref.putArray("items");
                stored.path(sub).forEach(item -> items.add(subItem(type, stored, sub, (ObjectNode) item)));
            }
        }
        return out;
    }

    ObjectNode subItem(ObjectType type, ObjectNode owner, String sub, ObjectNode item) {
        ObjectId ownerId = new ObjectId(owner.path("partition").asText(), owner.path("name").asText());
        ObjectId id = new ObjectId(item.path("partition").asText(), item.path("name").asText());
        ObjectNode out = Json.object();
        out.put("kind", type.subKind(sub));
        out.put("name", id.name());
        out.put("partition", id.partition());
        out.put("fullPath", id.fullPath());
        out.put("generation", item.path("generation").asLong());
        out.put("selfLink", link(type.path() + "/" + ownerId.tildePath() + "/" + sub + "/" + id.tildePath()));
        item.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        if (sub.equals("members")) {
            memberStatus(owner, out);
        }
        return out;
    }

    /**
     * Written {@code session}/{@code state} are user-enabled|user-disabled and user-up|user-down;
     * BIG-IP reads back {@code monitor-enabled} and up|down|checking while a monitor watches the
     * member, and {@code unchecked} when none does.
     */
    private void memberStatus(ObjectNode pool, ObjectNode member) {
        boolean userDisabled = member.path("session").asText().equals("user-disabled");
        boolean userDown = member.path("state").asText().equals("user-down");
        Optional<String> monitored = health.state(pool.path("fullPath").asText(), member.path("fullPath").asText());
        member.put("session", userDisabled ? "user-disabled" : monitored.isPresent() ? "monitor-enabled" : "user-enabled");
        member.put("state", userDown ? "user-down" : monitored.orElse("unchecked"));
    }

    ObjectNode partition(ObjectNode stored) {
        ObjectNode out = Json.object();
        out.put("kind", "tm:auth:partition:partitionstate");
        out.put("name", stored.path("name").asText());
        out.put("fullPath", stored.path("name").asText());
        out.put("generation", stored.path("generation").asLong());
        out.put("selfLink", link("auth/partition/" + stored.path("name").asText()));
        stored.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return out;
    }

    /** {@code $select=name,partition}: only those properties. */
    static ObjectNode select(ObjectNode object, String select) {
        if (select == null || select.isBlank()) {
            return object;
        }
        ObjectNode out = Json.object();
        for (String field : select.split(",")) {
            JsonNode value = object.get(field.trim());
            if (value != null) {
                out.set(field.trim(), value);
            }
        }
        return out;
    }
}
