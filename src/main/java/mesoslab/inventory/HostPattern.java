package mesoslab.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import mesoslab.common.InvalidInputException;
import mesoslab.common.SourceLocation;

/**
 * Ansible's host-pattern grammar: {@code all}, {@code *}, names, groups, globs, {@code ~regex},
 * {@code a:b} or {@code a,b} (union), {@code a:&b} (intersection), {@code a:!b} (exclusion),
 * subscripts {@code g[0]}, {@code g[-1]}, {@code g[1:3]}, {@code g[1:]}. The result keeps
 * Ansible's order: union terms first in the order given, then intersections, then exclusions.
 */
public final class HostPattern {
    private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\\]$");
    private static final Pattern SPLIT_ON_COLON = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");

    private final Inventory inventory;
    private final SourceLocation where;
    private final boolean strictSubscripts;

    private HostPattern(Inventory inventory, SourceLocation where, boolean strictSubscripts) {
        this.inventory = inventory;
        this.where = where;
        this.strictSubscripts = strictSubscripts;
    }

    /**
     * The hosts {@code pattern} selects. {@code where} is where the pattern was written (null for a
     * flag). A subscript past the end selects nothing here; in a --limit it is an error (as in Ansible).
     */
    public static List<Host> select(Inventory inventory, String pattern, SourceLocation where) {
        return new HostPattern(inventory, where, false).evaluate(split(pattern));
    }

    /**
     * Applies a {@code --limit}: {@code hosts} filtered to those the limit selects, order kept.
     * Terms starting with {@code @} name a file with one pattern per line.
     */
    public static List<Host> limit(Inventory inventory, List<Host> hosts, String limit) {
        List<String> terms = new ArrayList<>();
        for (String term : split(limit)) {
            if (term.startsWith("@")) {
                terms.addAll(readLimitFile(Path.of(term.substring(1))));
            } else {
                terms.add(term);
            }
        }
        Set<Host> allowed = new LinkedHashSet<>(new HostPattern(inventory, null, true).evaluate(terms));
        return hosts.stream().filter(allowed::contains).toList();
    }

    /** Splits on commas, or else on colons outside brackets (so {@code g[1:2]} stays whole). */
    public static List<String> split(String pattern) {
        List<String> parts = new ArrayList<>();
        if (pattern.contains(",")) {
            for (String p : pattern.split(",")) {
                parts.add(p.strip());
            }
        } else {
            Matcher m = SPLIT_ON_COLON.matcher(pattern);
            while (m.find()) {
                parts.add(m.group().strip());
            }
        }
        return parts.stream().filter(p -> !p.isEmpty()).toList();
    }

    private static List<String> readLimitFile(Path file) {
        if (!Files.exists(file)) {
            throw new InvalidInputException(null, "limit file '" + file + "' not found",
                    "Check the path after '@' in --limit (it is relative to the current directory)");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(null, "limit '@" + file + "' is a folder, not a file",
                    "Point '@' at a file with one host or pattern per line");
        }
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new InvalidInputException(null, "cannot read limit file '" + file + "': " + e.getMessage(),
                    "Check that it is readable");
        }
    }

    private List<Host> evaluate(List<String> terms) {
        List<String> regular = new ArrayList<>();
        List<String> intersect = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        for (String term : terms) {
            if (term.startsWith("!")) {
                exclude.add(term);
            } else if (term.startsWith("&")) {
                intersect.add(term);
            } else {
                regular.add(term);
            }
        }
        if (regular.isEmpty()) {
            regular.add("all");
        }
        List<Host> hosts = new ArrayList<>();
        for (String term : regular) {
            Host exact = inventory.host(term);
            List<Host> matched = exact != null ? List.of(exact) : matchOne(term);
            for (Host h : matched) {
                if (!hosts.contains(h)) {
                    hosts.add(h);
                }
            }
        }
        for (String term : intersect) {
            Set<Host> those = new LinkedHashSet<>(matchOrExact(term.substring(1)));
            hosts.removeIf(h -> !those.contains(h));
        }
        for (String term : exclude) {
            Set<Host> those = new LinkedHashSet<>(matchOrExact(term.substring(1)));
            hosts.removeIf(those::contains);
        }
        return hosts;
    }

    private List<Host> matchOrExact(String term) {
        Host exact = inventory.host(term);
        return exact != null ? List.of(exact) : matchOne(term);
    }

    private List<Host> matchOne(String term) {
        if (term.isEmpty()) {
            throw new InvalidInputException(where, "empty term in host pattern", "Remove the stray ':', '&' or '!'");
        }
        String expr = term;
        int[] subscript = null;
        if (!term.startsWith("~")) {
            Matcher m = SUBSCRIPT.matcher(term);
            if (m.matches()) {
                expr = m.group(1);
                if (m.group(2) != null) {
                    subscript = new int[] {Integer.parseInt(m.group(2))};
                } else {
                    int start = Integer.parseInt(m.group(3));
                    int end = m.group(5).isEmpty() ? -1 : Integer.parseInt(m.group(5));
                    subscript = new int[] {start, end};
                }
            }
        }
        List<Host> hosts = enumerate(expr);
        return subscript == null ? hosts : applySubscript(term, hosts, subscript);
    }

    private List<Host> applySubscript(String term, List<Host> hosts, int[] subscript) {
        if (subscript.length == 1 || subscript[1] == 0) {
            int index = subscript[0] < 0 ? hosts.size() + subscript[0] : subscript[0];
            if ((index < 0 || index >= hosts.size()) && !strictSubscripts) {
                // As ansible-playbook does for a play's hosts: an index past the end selects nothing.
                return List.of();
            }
            if (index < 0 || index >= hosts.size()) {
                throw new InvalidInputException(where,
                        "no hosts matched the subscripted pattern '" + term + "' (it selects " + hosts.size() + " hosts)",
                        "Use an index from 0 to " + Math.max(0, hosts.size() - 1) + ", or -1 for the last");
            }
            return List.of(hosts.get(index));
        }
        int start = subscript[0];
        int end = subscript[1] == -1 ? hosts.size() - 1 : subscript[1];
        if (start >= hosts.size() || start > end) {
            return List.of();
        }
        return hosts.subList(start, Math.min(end + 1, hosts.size()));
    }

    /** Groups whose name matches contribute their hosts; hosts match by name for globs, regexes and misses. */
    private List<Host> enumerate(String expr) {
        Pattern matcher = compile(expr);
        List<Host> result = new ArrayList<>();
        boolean groupMatched = false;
        for (Group group : inventory.groups()) {
            if (matches(matcher, expr, group.name())) {
                groupMatched = true;
                List<Host> groupHosts = group.name().equals("all") ? allHosts() : group.allHosts();
                result.addAll(groupHosts);
            }
        }
        boolean special = expr.startsWith("~") || expr.contains(".") || expr.contains("?") || expr.contains("*")
                || expr.contains("[");
        if (!groupMatched || special) {
            for (Host host : inventory.hosts()) {
                if (matches(matcher, expr, host.name())) {
                    result.add(host);
                }
            }
        }
        return result;
    }

    /** Like Python's {@code re.match}: a regex need only match at the start; a glob must match whole. */
    private static boolean matches(Pattern matcher, String expr, String name) {
        return expr.startsWith("~") ? matcher.matcher(name).lookingAt() : matcher.matcher(name).matches();
    }

    private List<Host> allHosts() {
        return inventory.all().allHosts();
    }

    private Pattern compile(String expr) {
        try {
            if (expr.startsWith("~")) {
                return Pattern.compile(expr.substring(1));
            }
            return Pattern.compile(Glob.toRegex(expr));
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException(where,
                    "invalid regular expression in host pattern '" + expr + "': " + e.getDescription(),
                    "Fix the expression after '~' (it is a Java/Python-style regular expression)");
        }
    }
}
