package mesoslab.standin.bigip.rest;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login tokens ({@code X-F5-Auth-Token}). A token lives {@code timeout} seconds from its start
 * (1200 by default); a PATCH may set a new timeout up to 36000 s, still counted from the start,
 * which is why BIG-IP calls the limit "absolute". Expired tokens are dropped when next seen.
 */
final class TokenStore {
    static final long DEFAULT_TIMEOUT_SECONDS = 1200;
    static final long MAX_TIMEOUT_SECONDS = 36_000;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    /** One token; times in microseconds since the epoch, as the wire shape has them. */
    record Token(String value, String user, String address, long startMicros, long timeoutSeconds, long lastUpdateMicros,
            long generation) {
        long expirationMicros() {
            return startMicros + timeoutSeconds * 1_000_000L;
        }
    }

    /** What a presented token turned out to be. */
    enum Status { VALID, EXPIRED, UNKNOWN }

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final long defaultTimeoutSeconds;

    TokenStore(Clock clock, long defaultTimeoutSeconds) {
        this.clock = clock;
        this.defaultTimeoutSeconds = defaultTimeoutSeconds;
    }

    Token issue(String user, String address) {
        long now = nowMicros();
        Token token = new Token(newValue(), user, address, now, defaultTimeoutSeconds, now, 1);
        tokens.put(token.value(), token);
        return token;
    }

    Status status(String value) {
        Token token = tokens.get(value);
        if (token == null) {
            return Status.UNKNOWN;
        }
        if (nowMicros() >= token.expirationMicros()) {
            tokens.remove(value);
            return Status.EXPIRED;
        }
        return Status.VALID;
    }

    Optional<Token> find(String value) {
        return status(value) == Status.VALID ? Optional.ofNullable(tokens.get(value)) : Optional.empty();
    }

    /** Sets a new timeout; {@code false} when it is over the absolute limit. */
    boolean setTimeout(String value, long timeoutSeconds) {
        if (timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            return false;
        }
        tokens.computeIfPresent(value, (k, t) -> new Token(t.value(), t.user(), t.address(), t.startMicros(), timeoutSeconds,
                nowMicros(), t.generation() + 1));
        return true;
    }

    Optional<Token> remove(String value) {
        return Optional.ofNullable(tokens.remove(value));
    }

    private long nowMicros() {
        return clock.instant().toEpochMilli() * 1000L;
    }

    /** 26 base32 characters, the shape of BIG-IP's tokens. */
    private String newValue() {
        StringBuilder s = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            s.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return s.toString().toUpperCase(Locale.ROOT);
    }
}
