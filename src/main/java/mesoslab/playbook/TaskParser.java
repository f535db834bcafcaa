package mesoslab.playbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * Turns task lists into {@link Task}s: finds the one action of each task, parses Ansible's short
 * {@code module: k=v} syntax, checks every keyword's type, and inlines {@code import_tasks}.
 */
final class TaskParser {
    private final ModuleCatalog modules;
    private final Path playbookDir;
    private final Deque<Path> importing;

    TaskParser(ModuleCatalog modules, Path playbookDir, Deque<Path> importing) {
        this.modules = modules;
        this.playbookDir = playbookDir;
        this.importing = importing;
    }

    List<Task> parseList(YamlList list, Path file, boolean handlers) {
        List<Task> tasks = new ArrayList<>();
        if (list == null) {
            return tasks;
        }
        for (YamlNode item : list.items()) {
            if (!(item instanceof YamlMap map)) {
                throw new InvalidInputException(item.location(),
                        (handlers ? "a handler" : "a task") + " must be a mapping (module and keywords), not " + item.kind(),
                        "Write each task as '- name: ...' followed by its module, e.g. '  command: echo hi'");
            }
            tasks.addAll(parse(map, file, handlers));
        }
        return tasks;
    }

    private List<Task> parse(YamlMap map, Path file, boolean handlers) {
        Set<String> keywords = Keywords.taskKeys(handlers);
        List<YamlMap.Entry> actions = new ArrayList<>();
        for (YamlMap.Entry entry : map.entries().values()) {
            String key = entry.key();
            if (keywords.contains(key)) {
                continue;
            }
            if (Keywords.ACTIONS.contains(key) || modules.knows(key)) {
                actions.add(entry);
                continue;
            }
            if (key.startsWith("with_")) {
                throw new InvalidInputException(entry.keyLocation(), "'" + key + "' is not supported",
                        "Use 'loop:' (with_items is the only with_* form mesoslab reads)");
            }
            Set<String> candidates = new LinkedHashSet<>(keywords);
            candidates.addAll(modules.names());
            candidates.addAll(Keywords.ACTIONS);
            String suggestion = Suggestions.didYouMean(key, candidates);
            throw new InvalidInputException(entry.keyLocation(),
                    "unknown module or task keyword '" + key + "'" + (suggestion.isEmpty() ? "" : "; " + suggestion),
                    suggestion.isEmpty() ? "Known modules: " + String.join(", ", new java.util.TreeSet<>(modules.names()))
                            : "Fix the spelling; 'mesoslab run --help' lists the task keywords");
        }
        if (actions.isEmpty()) {
            throw new InvalidInputException(map.location(),
                    (handlers ? "handler" : "task") + describe(map) + " has no module",
                    "Add one module to the task, e.g. 'command: echo hi' (known: " + String.join(", ", new java.util.TreeSet<>(modules.names())) + ")");
        }
        if (actions.size() > 1) {
            throw new InvalidInputException(actions.get(1).keyLocation(),
                    "task" + describe(map) + " has two modules, '" + actions.get(0).key() + "' and '" + actions.get(1).key() + "'",
                    "A task runs exactly one module: split it into two tasks");
        }
        YamlMap.Entry action = actions.get(0);
        if (action.key().equals("import_tasks")) {
            return importTasks(map, action, file, handlers);
        }
        return List.of(build(map, action, file, handlers));
    }

    private static String describe(YamlMap map) {
        YamlNode name = map.get("name");
        return name instanceof YamlScalar s && s.value() != null ? " '" + s.value() + "'" : "";
    }

    private Task build(YamlMap map, YamlMap.Entry action, Path file, boolean handlers) {
        Map<String, Object> args = new LinkedHashMap<>(arguments(action));
        args.putAll(Fields.plainMap(map, "args"));
        checkArguments(action, args);
        if (action.key().equals("include_tasks")) {
            checkIncludedFile(action, file);
        }
        Object loop = map.has("loop") ? plain(map.get("loop")) : map.has("with_items") ? plain(map.get("with_items")) : null;
        if (loop != null && !(loop instanceof List) && !(loop instanceof String s && s.contains("{{"))) {
            YamlNode node = map.has("loop") ? map.get("loop") : map.get("with_items");
            throw Fields.wrongType(map, map.has("loop") ? "loop" : "with_items", node, "a list or a '{{ }}' expression giving one");
        }
        String register = Fields.string(map, "register");
        if (register != null && !register.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new InvalidInputException(map.get("register").location(),
                    "'register: " + register + "' is not a valid variable name",
                    "Use letters, digits and underscores, starting with a letter");
        }
        return new Task(Fields.string(map, "name"), action.key(), args, map.location(), file, conditions(map, "when"), loop,
                loopControl(map), register, Fields.stringList(map, "notify", false),
                handlers ? Fields.stringList(map, "listen", false) : List.of(), Fields.stringList(map, "tags", true),
                condition(map, "changed_when"), condition(map, "failed_when"), Fields.bool(map, "ignore_errors"),
                Fields.integer(map, "retries"), Fields.integer(map, "delay"), condition(map, "until"),
                Fields.bool(map, "become"), Fields.string(map, "become_user"), Fields.string(map, "delegate_to"),
                Fields.bool(map, "run_once"), Fields.bool(map, "no_log"), Fields.bool(map, "check_mode"),
                Fields.bool(map, "diff"), Fields.plainMap(map, "vars"), Fields.plainMap(map, "environment"), List.of());
    }

    /** Unknown or missing arguments are input errors, found before anything runs. */
    private void checkArguments(YamlMap.Entry action, Map<String, Object> args) {
        Set<String> options = modules.options(action.key());
        SourceLocation where = action.value() == null ? action.keyLocation() : action.value().location();
        if (options != null) {
            for (String arg : args.keySet()) {
                if (!options.contains(arg) && !(arg.equals(KeyValues.RAW) && modules.freeFormOptions(action.key()) != null)) {
                    String suggestion = Suggestions.didYouMean(arg, options);
                    throw new InvalidInputException(where,
                            "module '" + action.key() + "' has no argument '" + arg + "'" + (suggestion.isEmpty() ? "" : "; " + suggestion),
                            "Its arguments are: " + String.join(", ", new java.util.TreeSet<>(options)));
                }
            }
        }
        for (String needed : modules.required(action.key())) {
            if (!args.containsKey(needed)) {
                throw new InvalidInputException(where, "module '" + action.key() + "' needs the argument '" + needed + "'",
                        "Add '" + needed + ": ...' to the task");
            }
        }
    }

    private static Object plain(YamlNode node) {
        return node == null ? null : node.toPlain();
    }

    /** The module's arguments: a mapping, a k=v string, or a free-form string. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> arguments(YamlMap.Entry action) {
        YamlNode value = action.value();
        String module = action.key();
        if (value == null || (value instanceof YamlScalar s && s.isNull())) {
            return Map.of();
        }
        if (value instanceof YamlMap map) {
            return (Map<String, Object>) map.toPlain();
        }
        if (value instanceof YamlScalar scalar) {
            String text = String.valueOf(scalar.value());
            Set<String> freeForm = module.equals("include_tasks") || module.equals("meta") ? Set.of()
                    : modules.freeFormOptions(module);
            if (freeForm != null) {
                return new LinkedHashMap<>(KeyValues.parseFreeForm(text, scalar.location(), freeForm));
            }
            return new LinkedHashMap<>(KeyValues.parse(text, scalar.location()));
        }
        throw new InvalidInputException(value.location(),
                "the arguments of '" + module + "' must be a mapping or a 'key=value' string, not " + value.kind(),
                "Write e.g. '" + module + ":' followed by indented 'key: value' lines");
    }

    private static List<Object> conditions(YamlMap map, String key) {
        YamlNode node = map.get(key);
        List<Object> out = new ArrayList<>();
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return out;
        }
        if (node instanceof YamlList list) {
            for (YamlNode item : list.items()) {
                out.add(conditionValue(key, item));
            }
        } else {
            out.add(conditionValue(key, node));
        }
        return out;
    }

    private static Object condition(YamlMap map, String key) {
        List<Object> all = conditions(map, key);
        if (all.isEmpty()) {
            return null;
        }
        return all.size() == 1 ? all.get(0) : all;
    }

    private static Object conditionValue(String key, YamlNode node) {
        if (node instanceof YamlScalar s && (s.value() instanceof Boolean || s.value() instanceof String)) {
            return s.value() instanceof String str ? new Condition(str, s.location(), s.plain()) : s.value();
        }
        throw new InvalidInputException(node.location(),
                "'" + key + "' must be a condition (an expression such as  x == 1) or a list of them, not " + node.kind(),
                "Write a Freemarker boolean expression, e.g. " + key + ": result.rc != 0");
    }

    private static LoopControl loopControl(YamlMap map) {
        YamlNode node = map.get("loop_control");
        if (node == null) {
            return LoopControl.DEFAULT;
        }
        if (!(node instanceof YamlMap lc)) {
            throw Fields.wrongType(map, "loop_control", node, "a mapping (loop_var, label, pause)");
        }
        for (YamlMap.Entry e : lc.entries().values()) {
            if (!Set.of("loop_var", "label", "pause").contains(e.key())) {
                String s = Suggestions.didYouMean(e.key(), Set.of("loop_var", "label", "pause"));
                throw new InvalidInputException(e.keyLocation(), "unknown loop_control key '" + e.key() + "'" + (s.isEmpty() ? "" : "; " + s),
                        "loop_control takes loop_var, label and pause");
            }
        }
        String loopVar = Fields.string(lc, "loop_var");
        Object pause = Fields.integer(lc, "pause");
        return new LoopControl(loopVar == null ? "item" : loopVar, Fields.string(lc, "label"),
                pause instanceof Integer i ? i : null);
    }

    private List<Task> importTasks(YamlMap map, YamlMap.Entry action, Path file, boolean handlers) {
        for (String key : map.keys()) {
            if (!Set.of("import_tasks", "name", "when", "tags", "vars").contains(key)) {
                throw new InvalidInputException(map.entry(key).keyLocation(),
                        "'" + key + "' cannot be used with import_tasks",
                        "import_tasks takes only name, when, tags and vars; put other keywords on the imported tasks");
            }
        }
        Path target = resolveTaskFile(action, file);
        if (importing.contains(target)) {
            throw new InvalidInputException(action.value().location(),
                    "import_tasks of '" + action.value().toPlain() + "' imports itself (through " + importing.peek() + ")",
                    "Remove the circular import");
        }
        YamlNode root = YamlLoader.load(target);
        if (root != null && !(root instanceof YamlList)) {
            throw new InvalidInputException(root.location(), "a tasks file must be a list of tasks, not " + root.kind(),
                    "Start each task with '- name: ...'");
        }
        importing.push(target);
        try {
            List<Task> imported = parseList((YamlList) root, target, handlers);
            List<Object> when = conditions(map, "when");
            List<String> tags = Fields.stringList(map, "tags", true);
            Map<String, Object> vars = Fields.plainMap(map, "vars");
            List<Task> result = new ArrayList<>();
            for (Task task : imported) {
                Task inherited = task.inherit(when, tags);
                if (!vars.isEmpty()) {
                    Map<String, Object> merged = new LinkedHashMap<>(vars);
                    merged.putAll(inherited.vars());
                    inherited = withVars(inherited, merged);
                }
                result.add(inherited);
            }
            return result;
        } finally {
            importing.pop();
        }
    }

    private static Task withVars(Task t, Map<String, Object> vars) {
        return new Task(t.name(), t.module(), t.args(), t.location(), t.file(), t.when(), t.loop(), t.loopControl(), t.register(),
                t.notifyHandlers(), t.listen(), t.tags(), t.changedWhen(), t.failedWhen(), t.ignoreErrors(), t.retries(), t.delay(),
                t.until(), t.become(), t.becomeUser(), t.delegateTo(), t.runOnce(), t.noLog(), t.checkMode(), t.diff(), vars,
                t.environment(), t.inheritedTags());
    }

    private void checkIncludedFile(YamlMap.Entry action, Path file) {
        if (action.value() instanceof YamlScalar s && s.value() instanceof String path && !path.contains("{{")) {
            resolveTaskFile(action, file);
        }
    }

    /** Task files resolve from the including file's folder, then the playbook's folder. */
    private Path resolveTaskFile(YamlMap.Entry action, Path file) {
        YamlNode value = action.value();
        String path;
        if (value instanceof YamlScalar s && s.value() instanceof String str) {
            path = str;
        } else if (value instanceof YamlMap m && m.get("file") instanceof YamlScalar f && f.value() instanceof String str) {
            path = str;
        } else {
            throw new InvalidInputException(value == null ? action.keyLocation() : value.location(),
                    "'" + action.key() + "' needs a file name", "Write e.g. '" + action.key() + ": tasks/common.yml'");
        }
        if (path.contains("{{")) {
            throw new InvalidInputException(value.location(), "import_tasks cannot use an expression ('" + path + "'): it is read before any variable exists",
                    "Use include_tasks for a file name decided at run time");
        }
        List<Path> candidates = List.of(file.toAbsolutePath().getParent().resolve(path), playbookDir.resolve(path));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.normalize();
            }
        }
        throw new InvalidInputException(value.location(), "tasks file '" + path + "' not found",
                "It is looked up relative to the folder of " + SourceLocation.file(file).file() + ", then to the playbook's folder");
    }
}
