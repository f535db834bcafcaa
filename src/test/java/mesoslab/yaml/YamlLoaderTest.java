package mesoslab.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mesoslab.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {
    private static final Path FILE = Path.of("/tmp/x.yml");

    @Test
    void keepsLineAndColumnOfKeysAndValues() {
        YamlMap map = (YamlMap) YamlLoader.parse(FILE, "a: 1\nb:\n  c: hello\n");
        assertThat(map.entry("b").keyLocation().line()).isEqualTo(2);
        YamlMap inner = (YamlMap) map.get("b");
        assertThat(inner.entry("c").keyLocation().line()).isEqualTo(3);
        assertThat(inner.entry("c").keyLocation().column()).isEqualTo(3);
        assertThat(inner.get("c").location().column()).isEqualTo(6);
    }

    @Test
    void readsScalarTypesTheWayAnsibleDoes() {
        YamlMap map = (YamlMap) YamlLoader.parse(FILE, "a: yes\nb: 0x10\nc: 1.5\nd: ~\ne: '007'\nf: 2020-01-01\ng: 12345678901\n");
        Map<String, Object> expected = new java.util.HashMap<>(Map.of("a", true, "b", 16, "c", 1.5, "e", "007",
                "f", "2020-01-01", "g", 12345678901L));
        expected.put("d", null);
        assertThat(map.toPlain()).isEqualTo(expected);
    }

    @Test
    void refusesDuplicateKeysNamingBothLines() {
        assertThatThrownBy(() -> YamlLoader.parse(FILE, "a: 1\nb: 2\na: 3\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("x.yml:3:1")
                .hasMessageContaining("duplicate key 'a' (first defined at line 1)");
    }

    @Test
    void explainsTabIndentation() {
        assertThatThrownBy(() -> YamlLoader.parse(FILE, "a:\n\tb: 1\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("x.yml:2:")
                .hasMessageContaining("tab character");
    }

    @Test
    void explainsBadIndentation() {
        assertThatThrownBy(() -> YamlLoader.parse(FILE, "a:\n  b: 1\n c: 2\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("x.yml:3:2");
    }

    @Test
    void refusesSeveralDocuments() {
        assertThatThrownBy(() -> YamlLoader.parse(FILE, "a: 1\n---\nb: 2\n"))
                .hasMessageContaining("2 YAML documents");
    }

    @Test
    void resolvesMergeKeysWithExplicitKeysWinning() {
        YamlMap map = (YamlMap) YamlLoader.parse(FILE, "base: &b {x: 1, y: 2}\nthing:\n  <<: *b\n  y: 3\n");
        assertThat(((YamlMap) map.get("thing")).toPlain()).isEqualTo(Map.of("x", 1, "y", 3));
    }

    @Test
    void emptyFileGivesNull() {
        assertThat(YamlLoader.parse(FILE, "# nothing\n")).isNull();
    }

    @Test
    void listsKeepOrder() {
        YamlMap map = (YamlMap) YamlLoader.parse(FILE, "l: [c, a, b]\n");
        assertThat(map.get("l").toPlain()).isEqualTo(List.of("c", "a", "b"));
    }
}
