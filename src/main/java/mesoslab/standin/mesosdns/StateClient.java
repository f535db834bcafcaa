package mesoslab.standin.mesosdns;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mesoslab.standin.http.Json;

/**
 * Loads {@code /master/state} the way Mesos-DNS does ({@code records/state/client/cli.go}): the
 * first entry of the masters list is the presumed leader (from ZooKeeper; "" when unknown), then
 * each other master in turn. A non-leading Mesos 1.x master answers 307 with a protocol-relative
 * {@code Location: //leader:5050/master/state}, which is followed; and when the state names
 * another leader IP, the state is read again from that IP (with the port first tried, as upstream).
 */
public final class StateClient {
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;
    private final Duration timeout;
    private final String scheme;

    public StateClient(Duration timeout, boolean https) {
        this.timeout = timeout;
        this.scheme = https ? "https" : "http";
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public MasterState load(List<String> masters) throws StateLoadException {
        if (masters.isEmpty()) {
            throw new StateLoadException("no masters given to fetch state.json");
        }
        StateLoadException last = null;
        for (String master : masters) {
            Optional<MasterRecords.HostPort> hostPort = MasterRecords.HostPort.split(master);
            if (hostPort.isEmpty()) {
                continue; // "" = no leader known yet, or a malformed entry
            }
            try {
                return loadFollowingLeader(hostPort.get().host(), hostPort.get().port());
            } catch (StateLoadException e) {
                last = e;
            }
        }
        throw last != null ? last : new StateLoadException("no master in " + masters + " to fetch /master/state from");
    }

    private MasterState loadFollowingLeader(String ip, String port) throws StateLoadException {
        MasterState state = fetch(ip, port);
        if (state.leader().isEmpty()) {
            throw new StateLoadException("fetched state from " + ip + ":" + port + " does not contain leader information");
        }
        MasterState.Pid leader = MasterState.Pid.parse(state.leader())
                .orElseThrow(() -> new StateLoadException("Invalid leader address: " + state.leader()));
        return leader.host().equals(ip) ? state : fetch(leader.host(), port);
    }

    private MasterState fetch(String host, String port) throws StateLoadException {
        String authority = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        URI uri = URI.create(scheme + "://" + authority + "/master/state");
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                        .header("Content-Type", "application/json").header("User-Agent", "Mesos-DNS").build();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                Optional<String> location = response.headers().firstValue("Location");
                if (status / 100 == 3 && location.isPresent()) {
                    uri = uri.resolve(location.get());
                    continue;
                }
                if (status != 200) {
                    throw new StateLoadException("GET " + uri + " answered " + status);
                }
                return MasterStateParser.parse(Json.MAPPER.readTree(response.body()));
            }
            throw new StateLoadException("GET " + uri + ": more than " + MAX_REDIRECTS + " redirects");
        } catch (IOException e) {
            throw new StateLoadException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateLoadException("interrupted while reading " + uri, e);
        } catch (IllegalArgumentException e) {
            throw new StateLoadException("GET " + uri + ": bad redirect: " + e.getMessage(), e);
        }
    }
}
