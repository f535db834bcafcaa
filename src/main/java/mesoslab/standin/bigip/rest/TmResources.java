package mesoslab.standin.bigip.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mesoslab.standin.bigip.config.ConfigException;
import mesoslab.standin.bigip.config.Mcpd;
import mesoslab.standin.bigip.config.ObjectId;
import mesoslab.standin.bigip.config.ObjectType;
import mesoslab.standin.bigip.config.ObjectTypes;
import mesoslab.standin.bigip.config.SubCollections;
import mesoslab.standin.http.Request;
import mesoslab.standin.http.Response;

/**
 * Everything under {@code /mgmt/tm/<collection>}: the collection, {@code /~P~name}, its
 * sub-collection {@code /~P~name/members} and {@code /~P~name/members/~P~item}. Trailing
 * slashes (f5-sdk sends them) and percent-encoded names arrive already stripped and decoded.
 */
final class TmResources {
    private static final Pattern FILTER = Pattern.compile("^\\s*(\\w+)\\s+eq\\s+'?([^'\\s]+)'?\\s*$");

    private final Mcpd mcpd;
    private final SubCollections subs;
    private final Renderer renderer;

    TmResources(Mcpd mcpd, Renderer renderer) {
        this.mcpd = mcpd;
        this.subs = new SubCollections(mcpd);
        this.renderer = renderer;
    }

    Response handle(Request request, String rest) {
        Optional<ObjectType> found = ObjectTypes.ALL.stream()
                .filter(t -> rest.equals(t.path()) || rest.startsWith(t.path() + "/"))
                .max(Comparator.comparingInt(t -> t.path().length()));
        if (found.isEmpty()) {
            throw RestErrors.framework(404, "Public URI path not registered: /tm/" + rest, request);
        }
        ObjectType type = found.get();
        List<String> segments = Arrays.stream(rest.substring(type.path().length()).split("/")).filter(s -> !s.isEmpty()).toList();
        try {
            return switch (segments.size()) {
                case 0 -> collection(request, type);
                case 1 -> object(request, type, ObjectId.parse(segments.get(0), ObjectId.COMMON));
                case 2, 3 -> {
                    String sub = segments.get(1);
                    if (!type.subcollections().contains(sub)) {
                        throw RestErrors.framework(404, "Public URI path not registered: /tm/" + rest, request);
                    }
                    ObjectId owner = ObjectId.parse(segments.get(0), ObjectId.COMMON);
                    yield segments.size() == 2 ? subCollection(request, type, owner, sub)
                            : subItem(request, type, owner, sub, ObjectId.parse(segments.get(2), owner.partition()));
                }
                default -> throw RestErrors.framework(404, "Public URI path not registered: /tm/" + rest, request);
            };
        } catch (ConfigException e) {
            throw RestErrors.mcpd(e);
        }
    }

    private Response collection(Request request, ObjectType type) throws ConfigException {
        switch (request.method()) {
            case "GET" -> {
                boolean expand = expand(request);
                List<ObjectNode> items = mcpd.snapshot().all(type).stream()
                        .filter(o -> matches(request, o))
                        .map(o -> Renderer.select(renderer.object(type, o, expand), request.queryParam("$select", null)))
                        .toList();
                return Response.json(renderer.collection(type.collectionKind(), type.path(), items));
            }
            case "POST" -> {
                return Response.json(renderer.object(type, mcpd.create(type, request.json()), true));
            }
            default -> throw notAllowed(request);
        }
    }

    private Response object(Request request, ObjectType type, ObjectId id) throws ConfigException {
        return switch (request.method()) {
            case "GET" -> Response.json(Renderer.select(renderer.object(type, mcpd.get(type, id), expand(request)),
                    request.queryParam("$select", null)));
            case "PUT" -> Response.json(renderer.object(type, mcpd.update(type, id, request.json(), true), true));
            case "PATCH" -> Response.json(renderer.object(type, mcpd.update(type, id, request.json(), false), true));
            case "DELETE" -> {
                mcpd.delete(type, id);
                yield Response.empty(200);
            }
            default -> throw notAllowed(request);
        };
    }

    private Response subCollection(Request request, ObjectType type, ObjectId owner, String sub) throws ConfigException {
        ObjectNode ownerObject = mcpd.get(type, owner);
        return switch (request.method()) {
            case "GET" -> {
                List<ObjectNode> items = subs.list(type, owner, sub).stream()
                        .filter(i -> matches(request, i))
                        .map(i -> Renderer.select(renderer.subItem(type, ownerObject, sub, i), request.queryParam("$select", null)))
                        .toList();
                yield Response.json(renderer.collection(type.subCollectionKind(sub), type.path() + "/" + owner.tildePath() + "/" + sub, items));
            }
            case "POST" -> {
                ObjectNode item = subs.create(type, owner, sub, request.json());
                yield Response.json(renderer.subItem(type, mcpd.get(type, owner), sub, item));
            }
            default -> throw notAllowed(request);
        };
    }

    private Response subItem(Request request, ObjectType type, ObjectId owner, String sub, ObjectId itemId) throws ConfigException {
        ObjectNode item = switch (request.method()) {
            case "GET" -> subs.get(type, owner, sub, itemId);
            case "PUT" -> subs.update(type, owner, sub, itemId, request.json(), true);
            case "PATCH" -> subs.update(type, owner, sub, itemId, request.json(), false);
            case "DELETE" -> {
                subs.delete(type, owner, sub, itemId);
                yield null;
            }
            default -> throw notAllowed(request);
        };
        if (item == null) {
            return Response.empty(200);
        }
        return Response.json(Renderer.select(renderer.subItem(type, mcpd.get(type, owner), sub, item), request.queryParam("$select", null)));
    }

    private static boolean expand(Request request) {
        return Boolean.parseBoolean(request.queryParam("expandSubcollections", "false"));
    }

    /** {@code $filter=partition eq mesos} (the only form clients use); other properties work the same way. */
    private static boolean matches(Request request, JsonNode item) {
        String filter = request.queryParam("$filter", null);
        if (filter == null || filter.isBlank()) {
            return true;
        }
        Matcher m = FILTER.matcher(filter);
        if (!m.matches()) {
            throw RestErrors.framework(400, "Query parameter $filter is not supported: " + filter, request);
        }
        return item.path(m.group(1)).asText().equals(m.group(2));
    }

    static RuntimeException notAllowed(Request request) {
        return RestErrors.framework(405, "Method " + request.method() + " is not supported on " + request.path(), request);
    }
}
