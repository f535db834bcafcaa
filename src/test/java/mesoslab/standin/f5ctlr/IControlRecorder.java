package mesoslab.standin.f5ctlr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mesoslab.standin.http.Json;

/**
 * Test-only iControl REST object store: objects per collection and full path, answered in the
 * reference's shapes (kind, fullPath, generation, selfLink with {@code ?ver=}, sub-collections
 * inline when expanded, rd 0 left out of destinations as BIG-IP does), with the referential rules
 * that make ordering mistakes visible: a pool's monitors and a virtual's pool must exist, and a
 * pool, monitor or node still in use cannot be deleted. Nodes and virtual addresses appear by
 * themselves, as on a BIG-IP.
 */
final class IControlRecorder {
    static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("ltm/virtual", "tm:ltm:virtual:virtualstate");
        KINDS.put("ltm/pool", "tm:ltm:pool:poolstate");
        KINDS.put("ltm/node", "tm:ltm:node:nodestate");
        KINDS.put("ltm/virtual-address", "tm:ltm:virtual-address:virtual-addressstate");
        for (String type : List.of("http", "https", "tcp", "udp", "gateway-icmp")) {
            KINDS.put("ltm/monitor/" + type, "tm:ltm:monitor:" + type + ":" + type + "state");
        }
    }

    record Reply(int status, JsonNode body) {}

    private final Map<String, Map<String, ObjectNode>> objects = new TreeMap<>();
    private final Map<String, Integer> partitions = new TreeMap<>();
    private long generation;

    IControlRecorder() {
        KINDS.keySet().forEach(c -> objects.put(c, new TreeMap<>()));
        partitions.put("Common", 0);
    }

    synchronized void addPartition(String name, int routeDomain) {
        partitions.put(name, routeDomain);
    }

    synchronized Reply handle(String method, String tmPath, Map<String, String> query, JsonNode body) {
        String path = tmPath.endsWith("/") ? tmPath.substring(0, tmPath.length() - 1) : tmPath;
        if (path.equals("sys")) {
            return ok(Json.object().put("kind", "tm:sys:syscollectionstate").put("selfLink", "https://localhost/mgmt/tm/sys?ver=13.1.1"));
        }
        if (path.startsWith("auth/partition")) {
            return partition(method, path, body);
        }
        String collection = KINDS.keySet().stream().filter(c -> path.equals(c) || path.startsWith(c + "/~"))
                .findFirst().orElse(null);
        if (collection == null) {
            return error(404, "Public URI path not registered: /tm/" + path);
        }
        if (path.equals(collection)) {
            return switch (method) {
                case "GET" -> list(collection, query);
                case "POST" -> create(collection, (ObjectNode) body);
                default -> error(405, "method " + method + " not allowed on a collection");
            };
        }
        String[] parts = path.substring(collection.length() + 2).split("~", 2);
        String fullPath = "/" + parts[0] + "/" + (parts.length > 1 ? parts[1] : "");
        ObjectNode stored = objects.get(collection).get(fullPath);
        if (stored == null) {
            return error(404, "01020036:3: The requested object (" + fullPath + ") was not found.");
        }
        return switch (method) {
            case "GET" -> ok(render(collection, stored, true));
            case "PUT", "PATCH" -> update(collection, stored, (ObjectNode) body, method.equals("PUT"));
            case "DELETE" -> delete(collection, stored);
            default -> error(405, "method " + method + " not allowed");
        };
    }

    private Reply partition(String method, String path, JsonNode body) {
        if (method.equals("POST")) {
            addPartition(body.path("name").asText(), 0);
            return ok(Json.object().put("name", body.path("name").asText()));
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!partitions.containsKey(name)) {
            return error(404, "01020036:3: The requested partition (" + name + ") was not found.");
        }
        return ok(Json.object().put("kind", "tm:auth:partition:partitionstate").put("name", name).put("fullPath", name)
                .put("defaultRouteDomain", partitions.get(name)).put("selfLink", "https://localhost/mgmt/tm/auth/partition/" + name + "?ver=13.1.1"));
    }

    private Reply list(String collection, Map<String, String> query) {
        String filter = query.getOrDefault("$filter", "");
        String partition = filter.startsWith("partition eq ") ? filter.substring("partition eq ".length()) : null;
        boolean expand = "true".equals(query.get("expandSubcollections"));
        ObjectNode out = Json.object().put("kind", KINDS.get(collection).replace("state", "collectionstate"))
                .put("selfLink", "https://localhost/mgmt/tm/" + collection + "?ver=13.1.1");
        List<ObjectNode> items = new ArrayList<>();
        objects.get(collection).values().stream().filter(o -> partition == null || o.path("partition").asText().equals(partition))
                .forEach(o -> items.add(render(collection, o, expand)));
        if (!items.isEmpty()) {
            out.putArray("items").addAll(items);
        }
        return ok(out);
    }

    private Reply create(String collection, ObjectNode body) {
        String partition = body.path("partition").asText("Common");
        if (!partitions.containsKey(partition)) {
            return error(400, "The requested folder (/" + partition + ") was not found.");
        }
        String fullPath = "/" + partition + "/" + body.path("name").asText();
        if (objects.get(collection).containsKey(fullPath)) {
            return error(409, "01020066:3: The requested object (" + fullPath + ") already exists in partition " + partition + ".");
        }
        ObjectNode stored = Json.object().put("name", body.path("name").asText()).put("partition", partition).put("fullPath", fullPath);
        return write(collection, stored, body);
    }

    private Reply update(String collection, ObjectNode stored, ObjectNode body, boolean replace) {
        ObjectNode next = replace ? Json.object().put("name", stored.get("name").asText()).put("partition", stored.get("partition").asText())
                .put("fullPath", stored.get("fullPath").asText()) : stored.deepCopy();
        if (!replace && !body.has("membersReference") && !body.has("members") && stored.has("members")) {
            next.set("members", stored.get("members"));
        }
        return write(collection, next, body);
    }

    private Reply write(String collection, ObjectNode target, ObjectNode body) {
        String partition = target.path("partition").asText();
        body.fields().forEachRemaining(e -> {
            if (!List.of("name", "partition", "fullPath", "kind", "selfLink", "generation", "membersReference").contains(e.getKey())
                    && !e.getValue().isNull()) {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        if (collection.equals("ltm/pool")) {
            JsonNode members = body.has("membersReference") ? body.path("membersReference").path("items") : body.path("members");
            if (body.has("membersReference") || body.has("members")) {
                ArrayNode list = target.putArray("members");
                members.forEach(m -> list.addObject().put("name", m.path("name").asText()).put("partition", partition));
            }
            for (String monitor : monitorPaths(target.path("monitor").asText(""))) {
                if (objects.entrySet().stream().noneMatch(e -> e.getKey().startsWith("ltm/monitor/") && e.getValue().containsKey(monitor))) {
                    return error(400, "01020036:3: The requested monitor (" + monitor + ") was not found.");
                }
            }
            for (JsonNode m : target.path("members")) {
                String node = nodeOf(m.path("name").asText());
                autoCreate("ltm/node", partition, node);
            }
        }
        if (collection.equals("ltm/virtual")) {
            String pool = target.path("pool").asText("");
            if (!pool.isEmpty() && !objects.get("ltm/pool").containsKey(pool)) {
                return error(400, "01020036:3: The requested Pool (" + pool + ") was not found.");
            }
            autoCreate("ltm/virtual-address", partition, virtualAddress(target));
        }
        target.put("generation", ++generation);
        objects.get(collection).put(target.get("fullPath").asText(), target);
        return ok(render(collection, target, true));
    }

    private Reply delete(String collection, ObjectNode stored) {
        String fullPath = stored.get("fullPath").asText();
        for (ObjectNode other : objects.get("ltm/virtual").values()) {
            if (collection.equals("ltm/pool") && other.path("pool").asText().equals(fullPath)) {
                return error(400, "01070265:3: The Pool (" + fullPath + ") cannot be deleted because it is in use by a Virtual Server ("
                        + other.path("fullPath").asText() + ").");
            }
        }
        for (ObjectNode pool : objects.get("ltm/pool").values()) {
            if (collection.startsWith("ltm/monitor/")
                    && monitorPaths(pool.path("monitor").asText("")).contains(fullPath)) {
                return error(400, "01070083:3: Monitor " + fullPath + " is in use.");
            }
            for (JsonNode m : pool.path("members")) {
                String node = "/" + pool.path("partition").asText() + "/" + nodeOf(m.path("name").asText());
                if (collection.equals("ltm/node") && node.equals(fullPath)) {
                    return error(400, "01070110:3: Node address '" + fullPath + "' is referenced by a member of pool '"
                            + pool.path("fullPath").asText() + "'.");
                }
            }
        }
        objects.get(collection).remove(fullPath);
        if (collection.equals("ltm/virtual")) {
            String va = "/" + stored.path("partition").asText() + "/" + virtualAddress(stored);
            if (objects.get("ltm/virtual").values().stream().noneMatch(v -> va.equals("/" + v.path("partition").asText() + "/" + virtualAddress(v)))) {
                objects.get("ltm/virtual-address").remove(va);
            }
        }
        return new Reply(200, null);
    }

    private void autoCreate(String collection, String partition, String name) {
        String fullPath = "/" + partition + "/" + name;
        if (!objects.get(collection).containsKey(fullPath)) {
            String address = name.endsWith("%0") ? name.substring(0, name.length() - 2) : name;
            objects.get(collection).put(fullPath, Json.object().put("name", name).put("partition", partition).put("fullPath", fullPath)
                    .put("address", address).put("generation", ++generation));
        }
    }

    /** BIG-IP names the auto-created virtual address without {@code %0}. */
    private static String virtualAddress(JsonNode virtual) {
        return nodeOf(virtual.path("destination").asText("").replaceFirst("^/[^/]+/", "")).replace("%0", "");
    }

    // Own parsing, not the controller's: a mistake shared by both sides would pass unnoticed.
    private static List<String> monitorPaths(String rule) {
        List<String> out = new ArrayList<>();
        for (String token : rule.trim().split("[\\s{}]+")) {
            if (token.startsWith("/")) {
                out.add(token);
            }
        }
        return out;
    }

    /** {@code 10.2.10.22%0} of the member name {@code 10.2.10.22%0:31001} (IPv4 only, as the tests use). */
    private static String nodeOf(String member) {
        return member.substring(0, member.lastIndexOf(':'));
    }

    private ObjectNode render(String collection, ObjectNode stored, boolean expand) {
        ObjectNode out = Json.object().put("kind", KINDS.get(collection));
        String tilde = stored.path("fullPath").asText().replaceFirst("^/([^/]+)/", "~$1~").replace("%", "%25");
        stored.fields().forEachRemaining(e -> {
            if (!List.of("members", "profiles").contains(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        out.put("selfLink", "https://localhost/mgmt/tm/" + collection + "/" + tilde + "?ver=13.1.1");
        if (collection.equals("ltm/virtual")) {
            out.put("destination", stored.path("destination").asText("").replace("%0:", ":"));
            ObjectNode ref = out.putObject("profilesReference").put("isSubcollection", true);
            if (expand) {
                ArrayNode items = ref.putArray("items");
                stored.path("profiles").forEach(p -> items.addObject().put("kind", "tm:ltm:virtual:profiles:profilesstate")
                        .put("name", p.path("name").asText()).put("partition", p.path("partition").asText("Common"))
                        .put("context", p.path("context").asText("all")));
            }
        }
        if (collection.equals("ltm/pool")) {
            ObjectNode ref = out.putObject("membersReference").put("isSubcollection", true);
            if (expand) {
                ArrayNode items = ref.putArray("items");
                stored.path("members").forEach(m -> items.addObject().put("kind", "tm:ltm:pool:members:membersstate")
                        .put("name", m.path("name").asText()).put("partition", m.path("partition").asText())
                        .put("session", "monitor-enabled").put("state", "up"));
            }
        }
        return out;
    }

    private static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    private static Reply error(int status, String message) {
        ObjectNode body = Json.object().put("code", status).put("message", message);
        body.putArray("errorStack");
        body.put("apiError", 3);
        return new Reply(status, body);
    }
}
