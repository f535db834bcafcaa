package mesoslab.transport;

import mesoslab.common.Secret;

/**
 * Privilege escalation for one command: run as {@code user} through {@code sudo -n} ({@code exe}
 * names the sudo binary), or
 * {@code sudo -S} with the password on stdin (never on the command line, never printed).
 */
public record Become(boolean enabled, String user, Secret password, String exe) {
    public static final Become NONE = new Become(false, null, null, "sudo");

    public static Become as(String user, Secret password) {
        return new Become(true, user == null || user.isBlank() ? "root" : user, password, "sudo");
    }

    /** The same, through another sudo binary ({@code ansible_become_exe}). */
    public Become using(String sudo) {
        return new Become(enabled, user, password, sudo == null || sudo.isBlank() ? "sudo" : sudo);
    }
}
