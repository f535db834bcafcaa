package mesoslab.cli;

import java.util.Locale;

/** Variables whose names say they hold a secret are never printed. */
final class SecretNames {
    private SecretNames() {}

    static boolean looksSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("token") || lower.contains("passphrase");
    }
}
