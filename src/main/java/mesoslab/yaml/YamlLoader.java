package mesoslab.yaml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoslab.common.InvalidInputException;
import mesoslab.common.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Strict YAML loading: one document per file, duplicate keys refused, every node keeps its
 * location, and SnakeYAML's parser errors are turned into one-paragraph messages with a hint.
 * Thread-safe: each call builds its own parser.
 */
public final class YamlLoader {

    private YamlLoader() {}

    /** Loads {@code file}; an empty file gives null. */
    public static YamlNode load(Path file) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(SourceLocation.file(file), "file not found",
                    "Check the path (a relative path starts from the current directory)");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(SourceLocation.file(file), "the file is not valid UTF-8 text",
                    "Save it as UTF-8");
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.file(file), "cannot read the file: " + e.getMessage(),
                    "Check that it exists and is readable");
        }
        return parse(file, text);
    }

    /** Parses {@code text} as if it were the content of {@code file}. */
    public static YamlNode parse(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(100);
        Yaml yaml = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
                new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options, new AnsibleResolver());
        List<Node> documents = new ArrayList<>();
        try {
            for (Node node : yaml.composeAll(new StringReader(text))) {
                documents.add(node);
            }
        } catch (MarkedYAMLException e) {
            throw YamlErrors.translate(file, e);
        } catch (YAMLException e) {
            throw new InvalidInputException(SourceLocation.file(file), "invalid YAML: " + e.getMessage(),
                    "Fix the YAML syntax");
        }
        if (documents.size() > 1) {
            Mark second = documents.get(1).getStartMark();
            throw new InvalidInputException(location(file, second),
                    "the file holds " + documents.size() + " YAML documents (separated by '---'); mesoslab reads exactly one",
                    "Keep one document per file: remove the extra '---' line or move the rest to another file");
        }
        return documents.isEmpty() ? null : new Converter(file).convert(documents.get(0));
    }

    static SourceLocation location(Path file, Mark mark) {
        return SourceLocation.of(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Turns SnakeYAML nodes into {@link YamlNode}s, checking keys as it goes. */
    private static final class Converter {
        private final Path file;
        private final ScalarValues scalars = new ScalarValues();

        Converter(Path file) {
            this.file = file;
        }

        YamlNode convert(Node node) {
            SourceLocation where = location(file, node.getStartMark());
            if (node instanceof ScalarNode scalar) {
                boolean plain = scalar.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
                return new YamlScalar(where, scalars.value(scalar), scalar.getValue(), plain);
            }
            if (node instanceof SequenceNode sequence) {
                List<YamlNode> items = new ArrayList<>();
                sequence.getValue().forEach(item -> items.add(convert(item)));
                return new YamlList(where, items);
            }
            MappingNode mapping = (MappingNode) node;
            Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
            List<NodeTuple> merged = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    merged.add(tuple);
                    continue;
                }
                if (!(keyNode instanceof ScalarNode keyScalar)) {
                    throw new InvalidInputException(location(file, keyNode.getStartMark()),
                            "a mapping key must be a plain word, not " + (keyNode instanceof MappingNode ? "a mapping" : "a list"),
                            "Check the indentation: a '- ' or '{' may be out of place");
                }
                String key = keyScalar.getValue();
                SourceLocation keyWhere = location(file, keyNode.getStartMark());
                YamlMap.Entry previous = entries.get(key);
                if (previous != null) {
                    throw new InvalidInputException(keyWhere,
                            "duplicate key '" + key + "' (first defined at line " + previous.keyLocation().line() + ")",
                            "Remove one of the two, or merge their values under one key");
                }
                entries.put(key, new YamlMap.Entry(key, keyWhere, convert(tuple.getValueNode())));
            }
            for (NodeTuple tuple : merged) {
                merge(entries, tuple.getValueNode());
            }
            return new YamlMap(where, entries);
        }

        /** YAML merge keys ({@code <<: *defaults}): keys written explicitly win. */
        private void merge(Map<String, YamlMap.Entry> entries, Node source) {
            if (source instanceof SequenceNode sequence) {
                sequence.getValue().forEach(item -> merge(entries, item));
                return;
            }
            if (!(convert(source) instanceof YamlMap map)) {
                throw new InvalidInputException(location(file, source.getStartMark()),
                        "a merge key '<<' must refer to a mapping", "Point '<<:' at an anchored mapping like '*defaults'");
            }
            map.entries().forEach(entries::putIfAbsent);
        }
    }

    /** SafeConstructor knows YAML 1.1's scalar types; this exposes just that. */
    private static final class ScalarValues extends SafeConstructor {
        ScalarValues() {
            super(new LoaderOptions());
        }

        Object value(ScalarNode node) {
            Tag tag = node.getTag();
            if (tag.equals(Tag.TIMESTAMP) || tag.equals(Tag.BINARY) || !isStandard(tag)) {
                return node.getValue();
            }
            Object value = constructObject(node);
            return value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) l.intValue() : value;
        }

        private static boolean isStandard(Tag tag) {
            return tag.equals(Tag.STR) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL)
                    || tag.equals(Tag.NULL);
        }
    }
}
