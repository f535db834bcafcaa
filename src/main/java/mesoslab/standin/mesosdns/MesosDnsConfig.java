package mesoslab.standin.mesosdns;

import java.util.List;
import java.util.Map;

/**
 * Mesos-DNS's {@code config.json} after defaults and validation ({@code records/config.go}).
 * Component names follow the Go struct fields, which are also what {@code /v1/config} shows.
 * {@code soaMname}/{@code soaRname} already carry their trailing dot; {@code domain} is lower-case.
 */
public record MesosDnsConfig(
        int refreshSeconds, int port, int timeout, int stateTimeoutSeconds, int zkDetectionTimeout, int httpPort,
        int ttl, int srvRecordDefaultWeight, long soaRefresh, long soaRetry, long soaExpire, long soaMinttl,
        String soaMname, String soaRname, List<String> masters, Map<String, List<String>> zoneResolvers,
        List<String> resolvers, List<String> ipSources, String zk, String domain, String file, String listener,
        String httpListener, boolean recurseOn, boolean dnsOn, boolean httpOn, boolean externalOn,
        boolean enforceRfc952, boolean setTruncateBit, boolean enumerationOn, boolean mesosHttpsOn,
        String caCertFile, String certFile, String keyFile, String mesosPrincipal, String mesosSecret,
        String iamConfigFile, String mesosAuthentication) {

    public LabelSpec labelSpec() {
        return enforceRfc952 ? LabelSpec.RFC952 : LabelSpec.RFC1123;
    }
}
