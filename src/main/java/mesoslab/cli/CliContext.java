package mesoslab.cli;

import java.util.Map;

/** What the commands receive from the process: the home folder, the environment and a way to ask for passwords. */
record CliContext(Home home, Map<String, String> env, PasswordPrompt prompt) {}
