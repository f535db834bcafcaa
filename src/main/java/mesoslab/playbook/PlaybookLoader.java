package mesoslab.playbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import mesoslab.common.InvalidInputException;
import mesoslab.common.SourceLocation;
import mesoslab.common.Suggestions;
import mesoslab.yaml.YamlList;
import mesoslab.yaml.YamlLoader;
import mesoslab.yaml.YamlMap;
import mesoslab.yaml.YamlNode;
import mesoslab.yaml.YamlScalar;

/**
 * Loads a playbook: a YAML list of plays and {@code import_playbook} entries (expanded in
 * place), each play's keys and types checked, its task files read. Nothing is templated here
 * except nothing: expressions stay as written until a host is known.
 */
public final class PlaybookLoader {
    private static final Set<String> STRATEGIES = Set.of("linear", "free");
    private final ModuleCatalog modules;
    private final Deque<Path> importing = new ArrayDeque<>();

    public PlaybookLoader(ModuleCatalog modules) {
        this.modules = modules;
    }

    public Playbook load(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(normalized)) {
            throw new InvalidInputException(SourceLocation.file(file), "playbook not found",
                    "Check the path (it is relative to the current directory); mesoslab's own playbooks are in playbooks/");
        }
        return new Playbook(normalized, plays(normalized));
    }

    /** Loads a tasks file (for include_tasks at run time), with the same checks as at load time. */
    public List<Task> loadTasks(Path file, Path playbookDir) {
        Path normalized = file.toAbsolutePath().normalize();
        YamlNode root = YamlLoader.load(normalized);
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof YamlList list)) {
            throw new InvalidInputException(root.location(), "a tasks file must be a list of tasks, not " + root.kind(),
                    "Start each task with '- name: ...'");
        }
        return new TaskParser(modules, playbookDir, importing).parseList(list, normalized, false);
    }

    private List<Play> plays(Path file) {
        if (importing.contains(file)) {
            throw new InvalidInputException(SourceLocation.file(file), "the playbook imports itself (through " + importing.peek() + ")",
                    "Remove the circular import_playbook");
        }
        importing.push(file);
        try {
            YamlNode root = YamlLoader.load(file);
            if (root == null) {
                throw new InvalidInputException(SourceLocation.file(file), "the playbook is empty",
                        "A playbook is a list of plays: start with '- hosts: all'");
            }
            if (!(root instanceof YamlList list)) {
                throw new InvalidInputException(root.location(), "a playbook must be a list of plays, not " + root.kind(),
                        "Start each play with '- hosts: ...' (a dash, then the play's keys)");
            }
            List<Play> plays = new ArrayList<>();
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlMap map)) {
                    throw new InvalidInputException(item.location(), "a play must be a mapping, not " + item.kind(),
                            "Write each play as '- hosts: ...' followed by its keys");
                }
                if (map.has("import_playbook")) {
                    plays.addAll(importPlaybook(map, file));
                } else {
                    plays.add(play(map, file));
                }
            }
            return plays;
        } finally {
            importing.pop();
        }
    }

    private List<Play> importPlaybook(YamlMap map, Path file) {
        checkKeys(map, Keywords.IMPORT_PLAYBOOK, "import_playbook");
        String target = Fields.string(map, "import_playbook");
        if (target == null || target.contains("{{")) {
            throw new InvalidInputException(map.get("import_playbook").location(),
                    "import_playbook needs a plain file name", "Write e.g. '- import_playbook: zookeeper.yml'");
        }
        Path path = file.getParent().resolve(target).normalize();
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException(map.get("import_playbook").location(), "imported playbook '" + target + "' not found",
                    "It is looked up relative to the folder of " + SourceLocation.file(file).file());
        }
        List<String> tags = Fields.stringList(map, "tags", true);
        List<Play> plays = plays(path);
        if (tags.isEmpty()) {
            return plays;
        }
        List<Play> tagged = new ArrayList<>();
        for (Play p : plays) {
            List<String> all = new ArrayList<>(tags);
            all.addAll(p.tags());
            tagged.add(new Play(p.name(), p.hosts(), p.location(), p.file(), p.vars(), p.varsFiles(), p.become(), p.becomeUser(),
                    p.serial(), p.gatherFacts(), p.strategy(), List.copyOf(all), p.anyErrorsFatal(), p.maxFailPercentage(),
                    p.environment(), p.preTasks(), p.tasks(), p.postTasks(), p.handlers()));
        }
        return tagged;
    }

    private Play play(YamlMap map, Path file) {
        checkKeys(map, Keywords.PLAY, "play");
        YamlNode hostsNode = map.get("hosts");
        if (hostsNode == null || (hostsNode instanceof YamlScalar s && (s.isNull() || String.valueOf(s.value()).isBlank()))) {
            throw new InvalidInputException(hostsNode == null ? map.location() : hostsNode.location(),
                    "play" + name(map) + " has no 'hosts:'",
                    "Say which hosts the play runs on, e.g. 'hosts: zookeeper' or 'hosts: all'");
        }
        String hosts = hostsNode instanceof YamlList l
                ? String.join(",", Fields.stringList(map, "hosts", false))
                : Fields.string(map, "hosts");
        String strategy = Fields.string(map, "strategy");
        if (strategy != null && !STRATEGIES.contains(strategy)) {
            throw new InvalidInputException(map.get("strategy").location(), "unknown strategy '" + strategy + "'",
                    "Use 'linear' (the default: every host finishes a task before the next starts) or 'free'");
        }
        TaskParser tasks = new TaskParser(modules, file.getParent(), importing);
        return new Play(Fields.string(map, "name"), hosts, map.location(), file, Fields.vars(map, "vars"), varsFiles(map, file),
                Fields.bool(map, "become"), Fields.string(map, "become_user"), serial(map), Fields.bool(map, "gather_facts"),
                strategy == null ? "linear" : strategy, Fields.stringList(map, "tags", true), Fields.bool(map, "any_errors_fatal"),
                Fields.integer(map, "max_fail_percentage"), Fields.plainMap(map, "environment"),
                tasks.parseList(Fields.list(map, "pre_tasks"), file, false), tasks.parseList(Fields.list(map, "tasks"), file, false),
                tasks.parseList(Fields.list(map, "post_tasks"), file, false), tasks.parseList(Fields.list(map, "handlers"), file, true));
    }

    private static String name(YamlMap map) {
        YamlNode n = map.get("name");
        return n instanceof YamlScalar s && s.value() != null ? " '" + s.value() + "'" : "";
    }

    private static void checkKeys(YamlMap map, Set<String> allowed, String what) {
        for (YamlMap.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                String suggestion = Suggestions.didYouMean(e.key(), allowed);
                String hint = e.key().equals("roles")
                        ? "mesoslab has no roles: import task files with 'import_tasks' inside 'tasks:'"
                        : (Keywords.TASK.contains(e.key()) || e.key().equals("command") || e.key().equals("shell"))
                        ? "Is this a task? Put it under 'tasks:' as a list item"
                        : "A " + what + " may have: " + String.join(", ", new java.util.TreeSet<>(allowed));
                throw new InvalidInputException(e.keyLocation(),
                        "unknown " + what + " keyword '" + e.key() + "'" + (suggestion.isEmpty() ? "" : "; " + suggestion), hint);
            }
        }
    }

    private static Serial serial(YamlMap map) {
        YamlNode node = map.get("serial");
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return Serial.ALL;
        }
        List<YamlNode> items = node instanceof YamlList list ? list.items() : List.of(node);
        List<String> sizes = new ArrayList<>();
        for (YamlNode item : items) {
            String size = item instanceof YamlScalar s && s.value() != null ? String.valueOf(s.value()).strip() : null;
            if (size == null || !size.matches("\\d+%?") || size.matches("0+%?")) {
                throw new InvalidInputException(item.location(),
                        "'serial' must be a number of hosts or a percentage, not " + (size == null ? item.kind() : "'" + size + "'"),
                        "Write e.g. 'serial: 1', 'serial: 30%' or 'serial: [1, 50%]'");
            }
            sizes.add(size);
        }
        return new Serial(sizes);
    }

    private static List<VarsFile> varsFiles(YamlMap map, Path file) {
        YamlNode node = map.get("vars_files");
        List<VarsFile> out = new ArrayList<>();
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return out;
        }
        List<YamlNode> items = node instanceof YamlList list ? list.items() : List.of(node);
        for (YamlNode item : items) {
            if (!(item instanceof YamlScalar s) || !(s.value() instanceof String path)) {
                throw new InvalidInputException(item.location(), "each 'vars_files' entry must be a file name, not " + item.kind(),
                        "List file names, e.g. vars_files: [vars/lab.yml]");
            }
            if (!path.contains("{{") && !Files.isRegularFile(file.getParent().resolve(path))) {
                throw new InvalidInputException(item.location(), "vars file '" + path + "' not found",
                        "It is looked up relative to the folder of " + SourceLocation.file(file).file());
            }
            out.add(new VarsFile(path, item.location()));
        }
        return out;
    }
}
