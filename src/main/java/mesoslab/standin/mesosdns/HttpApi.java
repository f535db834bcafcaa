package mesoslab.standin.mesosdns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import mesoslab.standin.http.Response;
import mesoslab.standin.http.StandInHttpServer;

/**
 * Mesos-DNS's {@code /v1} HTTP API ({@code resolver/resolver.go}) with its response shapes: an
 * empty lookup answers one all-empty record, never {@code []}; SRV ports are strings; the config
 * is the Go struct with its field names (the Mesos credentials' secret redacted).
 */
public final class HttpApi {
    private final MesosDnsConfig config;
    private final String version;
    private final Supplier<RecordSet> records;
    private final LongSupplier soaSerial;

    public HttpApi(MesosDnsConfig config, String version, Supplier<RecordSet> records, LongSupplier soaSerial) {
        this.config = config;
        this.version = version;
        this.records = records;
        this.soaSerial = soaSerial;
    }

    public StandInHttpServer routes(StandInHttpServer server) {
        server.get("/v1/version", r -> Response.json(versionBody()))
                .get("/v1/config", r -> Response.json(ConfigView.of(config, soaSerial.getAsLong())))
                .get("/v1/hosts/{host}/ports", r -> Response.text(501, "To be implemented..."))
                .get("/v1/hosts/{host}", r -> Response.json(hosts(r.pathParam("host"))))
                .get("/v1/services/{service}", r -> Response.json(services(r.pathParam("service"))));
        if (config.enumerationOn()) {
            server.get("/v1/enumerate", r -> Response.json(Map.of("frameworks", records.get().enumeration())))
                    .get("/v1/axfr", r -> Response.json(axfr()));
        }
        return server;
    }

    private Map<String, String> versionBody() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("Service", "Mesos-DNS");
        body.put("URL", "https://github.com/mesosphere/mesos-dns");
        body.put("Version", version);
        return body;
    }

    /** Lower-cased, wildcards stripped, trailing dot added: the lookup key Mesos-DNS uses. */
    private static String key(String name) {
        String key = name.replace(".*", "").toLowerCase(Locale.ROOT);
        return key.endsWith(".") ? key : key + ".";
    }

    List<Map<String, String>> hosts(String host) {
        String name = key(host);
        RecordSet rrs = records.get();
        List<Map<String, String>> out = new ArrayList<>();
        for (RecordSet.Kind kind : List.of(RecordSet.Kind.A, RecordSet.Kind.AAAA)) {
            rrs.values(kind, name).forEach(ip -> out.add(hostRecord(name, ip)));
        }
        if (out.isEmpty()) {
            out.add(hostRecord("", ""));
        }
        return out;
    }

    List<Map<String, String>> services(String service) {
        RecordSet rrs = records.get();
        List<Map<String, String>> out = new ArrayList<>();
        for (String target : rrs.values(RecordSet.Kind.SRV, key(service))) {
            int colon = target.lastIndexOf(':');
            String host = target.substring(0, colon);
            String port = target.substring(colon + 1);
            rrs.first(RecordSet.Kind.A, host).ifPresent(ip -> out.add(serviceRecord(service, host, ip, port)));
            rrs.first(RecordSet.Kind.AAAA, host).ifPresent(ip -> out.add(serviceRecord(service, host, ip, port)));
        }
        if (out.isEmpty()) {
            out.add(serviceRecord("", "", "", ""));
        }
        return out;
    }

    private static Map<String, String> hostRecord(String host, String ip) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("host", host);
        record.put("ip", ip);
        return record;
    }

    private static Map<String, String> serviceRecord(String service, String host, String ip, String port) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("service", service);
        record.put("host", host);
        record.put("ip", ip);
        record.put("port", port);
        return record;
    }

    private Map<String, Object> axfr() {
        RecordSet rrs = records.get();
        Map<String, Object> recordsBody = new LinkedHashMap<>();
        recordsBody.put("SRVs", rrs.srv());
        recordsBody.put("As", rrs.a());
        recordsBody.put("AAAAs", rrs.aaaa());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Records", recordsBody);
        body.put("Serial", soaSerial.getAsLong());
        body.put("Mname", config.soaMname());
        body.put("Rname", config.soaRname());
        body.put("TTL", config.ttl());
        body.put("RefreshSeconds", config.refreshSeconds());
        body.put("Domain", config.domain());
        return body;
    }
}
