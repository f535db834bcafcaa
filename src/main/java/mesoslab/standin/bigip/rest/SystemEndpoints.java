package mesoslab.standin.bigip.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import mesoslab.standin.bigip.config.ConfigException;
import mesoslab.standin.bigip.config.Partitions;
import mesoslab.standin.http.Json;
import mesoslab.standin.http.Request;
import mesoslab.standin.http.Response;
import mesoslab.standin.http.StandInHttpServer;

/**
 * {@code sys/} (f5-sdk parses the device version from its {@code selfLink}'s {@code ?ver=} at
 * connect time), {@code sys/version}, {@code auth/partition} and {@code net/self}.
 */
final class SystemEndpoints {
    static final String VERSION = "13.1.1";
    static final String BUILD = "0.0.4";

    private final Partitions partitions;
    private final Renderer renderer;
    private final Authenticator authenticator;
    private final List<String> selfIps;

    SystemEndpoints(Partitions partitions, Renderer renderer, Authenticator authenticator, List<String> selfIps) {
        this.partitions = partitions;
        this.renderer = renderer;
        this.authenticator = authenticator;
        this.selfIps = selfIps;
    }

    void register(StandInHttpServer http) {
        http.get("/mgmt/tm/sys", this::sys);
        http.get("/mgmt/tm/sys/version", this::version);
        http.get("/mgmt/tm/net/self", this::selfIps);
        http.route("*", "/mgmt/tm/auth/partition", this::partitionCollection);
        http.route("*", "/mgmt/tm/auth/partition/{name}", this::partition);
    }

    private Response sys(Request request) {
        authenticator.authenticate(request);
        ObjectNode sys = Json.object();
        sys.put("kind", "tm:sys:syscollectionstate");
        sys.put("selfLink", renderer.link("sys"));
        var items = sys.putArray("items");
        for (String sub : List.of("application", "db", "folder", "global-settings", "management-ip", "provision", "version")) {
            items.addObject().putObject("reference").put("link", renderer.link("sys/" + sub));
        }
        return Response.json(sys);
    }

    private Response version(Request request) {
        authenticator.authenticate(request);
        ObjectNode version = Json.object();
        version.put("kind", "tm:sys:version:versionstats");
        version.put("selfLink", renderer.link("sys/version"));
        ObjectNode entries = version.putObject("entries").putObject("https://localhost/mgmt/tm/sys/version/0")
                .putObject("nestedStats").putObject("entries");
        entries.putObject("Build").put("description", BUILD);
        entries.putObject("Date").put("description", "Wed Nov 29 15:52:25 PST 2017");
        entries.putObject("Edition").put("description", "Final");
        entries.putObject("Product").put("description", "BIG-IP");
        entries.putObject("Title").put("description", "Main Package");
        entries.putObject("Version").put("description", VERSION);
        return Response.json(version);
    }

    private Response selfIps(Request request) {
        authenticator.authenticate(request);
        List<ObjectNode> items = selfIps.stream().map(address -> {
            ObjectNode self = Json.object();
            String name = "self_" + address;
            self.put("kind", "tm:net:self:selfstate").put("name", name).put("partition", "Common")
                    .put("fullPath", "/Common/" + name).put("generation", 1).put("selfLink", renderer.link("net/self/~Common~" + name))
                    .put("address", address.contains("/") ? address : address + "/32").put("floating", "disabled")
                    .put("trafficGroup", "/Common/traffic-group-local-only").put("unit", 0).put("vlan", "/Common/internal");
            return self;
        }).toList();
        return Response.json(renderer.collection("tm:net:self:selfcollectionstate", "net/self", items));
    }

    private Response partitionCollection(Request request) {
        authenticator.authenticate(request);
        try {
            return switch (request.method()) {
                case "GET" -> Response.json(renderer.collection("tm:auth:partition:partitioncollectionstate", "auth/partition",
                        partitions.list().stream().map(renderer::partition).toList()));
                case "POST" -> Response.json(renderer.partition(partitions.create(request.json())));
                default -> throw TmResources.notAllowed(request);
            };
        } catch (ConfigException e) {
            throw RestErrors.mcpd(e);
        }
    }

    private Response partition(Request request) {
        authenticator.authenticate(request);
        String name = request.pathParam("name");
        try {
            return switch (request.method()) {
                case "GET" -> Response.json(renderer.partition(partitions.get(name)));
                case "PUT" -> Response.json(renderer.partition(partitions.update(name, request.json(), true)));
                case "PATCH" -> Response.json(renderer.partition(partitions.update(name, request.json(), false)));
                case "DELETE" -> {
                    partitions.delete(name);
                    yield Response.empty(200);
                }
                default -> throw TmResources.notAllowed(request);
            };
        } catch (ConfigException e) {
            throw RestErrors.mcpd(e);
        }
    }
}
