package mesoslab.cli;

import mesoslab.common.Secret;

/**
 * How to connect, from the command line: accept first-seen host keys or not, and the passwords
 * asked for with {@code -k}/{@code -K}. A host's own variables ({@code ansible_password},
 * {@code ansible_become_password}) win over these, as in Ansible.
 *
 * @param password       the SSH password for hosts without one, or null
 * @param becomePassword the become (sudo) password for hosts without one, or null
 */
record SshSettings(boolean acceptNewHostKeys, Secret password, Secret becomePassword) {
    static final SshSettings DEFAULT = new SshSettings(false, null, null);
}
