package mesoslab.cli;

import mesoslab.common.Secret;
import picocli.CommandLine.Option;

/** The SSH options every command that reaches hosts shares: host keys and password prompts. */
final class ConnectionOptions {
    @Option(names = "--accept-new-host-keys",
            description = "Record the SSH host key of a host seen for the first time (a changed key is always refused).")
    boolean acceptNewHostKeys;

    @Option(names = {"-k", "--ask-pass"},
            description = "Ask for the SSH password (not echoed; one line from stdin without a terminal). Hosts with ansible_password keep theirs.")
    boolean askPass;

    @Option(names = {"-K", "--ask-become-pass"},
            description = "Ask for the become (sudo) password; with -k an empty answer means the SSH password. Hosts with ansible_become_password keep theirs.")
    boolean askBecomePass;

    /** Asks what was asked for (SSH password first, as Ansible does) and returns the settings. */
    SshSettings settings(PasswordPrompt prompt) {
        Secret password = askPass ? prompt.ask("SSH password", "-k/--ask-pass") : null;
        Secret become = null;
        if (askBecomePass) {
            become = prompt.ask(password != null ? "BECOME password[defaults to SSH password]" : "BECOME password", "-K/--ask-become-pass");
            if (become.isEmpty() && password != null) {
                become = password;
            }
        }
        return new SshSettings(acceptNewHostKeys, password, become);
    }
}
