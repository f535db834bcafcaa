package mesoslab.standin.f5ctlr.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the controller is told at start, grouped by what it configures. */
public record ControllerConfig(Marathon marathon, BigIp bigip, Timing timing, Logging logging) {

    /**
     * @param urls           {@code MARATHON_URL} / {@code --marathon}: tried in order, cycled for the event stream
     * @param caCert         {@code F5_CC_MARATHON_CA_CERT}: without it an https Marathon is not verified (as the real one)
     * @param basicAuth      {@code user:pass} from the {@code F5_CC_MARATHON_AUTH} file
     * @param useHealthCheck {@code F5_CC_USE_HEALTHCHECK}
     * @param frameworkName  {@code FRAMEWORK_NAME}: the controller's own app, skipped
     */
    public record Marathon(List<URI> urls, Optional<Path> caCert, Optional<Password> basicAuth, Duration sseTimeout,
            boolean useHealthCheck, Optional<String> frameworkName) {
        public Marathon {
            urls = List.copyOf(urls);
        }
    }

    /**
     * @param url          {@code https://host[:port]} (port 443 when not given)
     * @param partitions   {@code F5_CC_PARTITIONS}: only these are read and changed
     * @param snatPoolName {@code F5_CC_VS_SNAT_POOL_NAME}; empty means automap
     */
    public record BigIp(URI url, String username, Password password, List<String> partitions, TlsTrust trust,
            String snatPoolName) {
        public BigIp {
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * @param verifyInterval {@code F5_CC_VERIFY_INTERVAL}: a full resync this long after the last good one
     * @param initialBackoff first wait after a failed pass, doubled up to {@code maxBackoff} (real: 1 s to 128 s)
     * @param debounce       how long to wait after an event for more, so a burst costs one pass
     */
    public record Timing(Duration verifyInterval, Duration initialBackoff, Duration maxBackoff, Duration debounce) {
        public static Timing of(Duration verifyInterval) {
            return new Timing(verifyInterval, Duration.ofSeconds(1), Duration.ofSeconds(128), Duration.ofMillis(200));
        }
    }

    /** {@code F5_CC_LOG_LEVEL} and {@code F5_CC_LOG_FORMAT}. */
    public record Logging(String level, String format) {}
}
