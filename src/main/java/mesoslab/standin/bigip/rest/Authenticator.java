package mesoslab.standin.bigip.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import mesoslab.standin.http.HttpError;
import mesoslab.standin.http.Request;

/**
 * Who may call {@code /mgmt}: the one administrator given on the command line, by Basic auth or
 * by a token from {@code /mgmt/shared/authn/login}. A token header, when present, decides alone
 * (a bad token is refused even if Basic credentials are also sent), as restjavad does.
 */
final class Authenticator {
    private final String user;
    private final byte[] password;
    private final TokenStore tokens;

    Authenticator(String user, String password, TokenStore tokens) {
        this.user = user;
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.tokens = tokens;
    }

    /** The authenticated user, or a 401 in F5's shape. */
    String authenticate(Request request) throws HttpError {
        String token = request.header("X-F5-Auth-Token");
        if (token != null) {
            return switch (tokens.status(token.trim())) {
                case VALID -> tokens.find(token.trim()).map(TokenStore.Token::user).orElse(user);
                case EXPIRED -> throw RestErrors.framework(401, "X-F5-Auth-Token has expired.", request);
                case UNKNOWN -> throw RestErrors.framework(401, "X-F5-Auth-Token does not exist.", request);
            };
        }
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw RestErrors.framework(401, "Authorization failed: no user authentication header or token detected. Uri:"
                    + RestErrors.internalUri(request) + " Referrer:" + RestErrors.referer(request) + " Sender:"
                    + RestErrors.referer(request), request);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        String claimedUser = colon < 0 ? decoded : decoded.substring(0, colon);
        String claimedPassword = colon < 0 ? "" : decoded.substring(colon + 1);
        if (!matches(claimedUser, claimedPassword)) {
            throw RestErrors.framework(401, "Authorization failed: user=" + claimedUser + " resource=" + request.path()
                    + " verb=" + request.method() + " uri:" + RestErrors.internalUri(request) + " referrer:"
                    + RestErrors.referer(request) + " sender:" + RestErrors.referer(request), request);
        }
        return claimedUser;
    }

    boolean matches(String claimedUser, String claimedPassword) {
        // Constant-time on the password so a lab on a shared network leaks nothing through timing.
        boolean passwordOk = MessageDigest.isEqual(password, claimedPassword.getBytes(StandardCharsets.UTF_8));
        return user.equals(claimedUser) & passwordOk;
    }
}
