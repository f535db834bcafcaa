package mesoslab.playbook;

import java.nio.file.Path;
import java.util.List;

/** A playbook file with every {@code import_playbook} already expanded in place. */
public record Playbook(Path file, List<Play> plays) {}
