package mesoslab.cli;

import java.util.Map;

/** What the commands receive from the process: the home folder and the environment. */
record CliContext(Home home, Map<String, String> env) {}
