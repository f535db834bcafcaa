package mesoslab.transport;

import mesoslab.common.Secret;

/**
 * Privilege escalation for one command: run as {@code user} through {@code sudo -n}, or
 * {@code sudo -S} with the password on stdin (never on the command line, never printed).
 */
public record Become(boolean enabled, String user, Secret password) {
    public static final Become NONE = new Become(false, null, null);

    public static Become as(String user, Secret password) {
        return new Become(true, user == null || user.isBlank() ? "root" : user, password);
    }
}
