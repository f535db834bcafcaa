package mesoslab.standin.mesosdns;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /v1/config}: the config under the Go struct's field names, in its field order. */
final class ConfigView {
    static final String REDACTED = "******";

    private ConfigView() {}

    static Map<String, Object> of(MesosDnsConfig c, long soaSerial) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("RefreshSeconds", c.refreshSeconds());
        v.put("Port", c.port());
        v.put("Timeout", c.timeout());
        v.put("StateTimeoutSeconds", c.stateTimeoutSeconds());
        v.put("ZkDetectionTimeout", c.zkDetectionTimeout());
        v.put("HttpPort", c.httpPort());
        v.put("TTL", c.ttl());
        v.put("SRVRecordDefaultWeight", c.srvRecordDefaultWeight());
        v.put("SOASerial", soaSerial);
        v.put("SOARefresh", c.soaRefresh());
        v.put("SOARetry", c.soaRetry());
        v.put("SOAExpire", c.soaExpire());
        v.put("SOAMinttl", c.soaMinttl());
        v.put("SOAMname", c.soaMname());
        v.put("SOARname", c.soaRname());
        v.put("Masters", c.masters());
        v.put("ZoneResolvers", c.zoneResolvers());
        v.put("Resolvers", c.resolvers());
        v.put("IPSources", c.ipSources());
        v.put("Zk", c.zk());
        v.put("Domain", c.domain());
        v.put("File", c.file());
        v.put("Listener", c.listener());
        v.put("HTTPListener", c.httpListener());
        v.put("RecurseOn", c.recurseOn());
        v.put("DnsOn", c.dnsOn());
        v.put("HttpOn", c.httpOn());
        v.put("ExternalOn", c.externalOn());
        v.put("EnforceRFC952", c.enforceRfc952());
        v.put("SetTruncateBit", c.setTruncateBit());
        v.put("EnumerationOn", c.enumerationOn());
        v.put("MesosHTTPSOn", c.mesosHttpsOn());
        v.put("CACertFile", c.caCertFile());
        v.put("CertFile", c.certFile());
        v.put("KeyFile", c.keyFile());
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("Principal", c.mesosPrincipal());
        // Unlike the real /v1/config, the secret is never shown.
        credentials.put("Secret", c.mesosSecret().isEmpty() ? "" : REDACTED);
        v.put("MesosCredentials", credentials);
        v.put("IAMConfigFile", c.iamConfigFile());
        v.put("MesosAuthentication", c.mesosAuthentication());
        return v;
    }
}
