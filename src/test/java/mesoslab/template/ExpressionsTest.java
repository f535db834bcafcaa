package mesoslab.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mesoslab.common.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpressionsTest {
    private final Expressions expressions = new Expressions();
    private final ExpressionContext ctx = new ExpressionContext(new SourceLocation("play.yml", 4, 12), true, "zk1");
    private final Map<String, Object> vars = Map.of("zk_port", 2181, "groups", Map.of("zookeeper", List.of("a", "b", "c")),
            "name", "lab");

    @Test
    void aLoneExpressionKeepsItsNativeType() {
        assertThat(expressions.render("{{ zk_port }}", vars, ctx)).isEqualTo(2181);
        assertThat(expressions.render("{{ groups.zookeeper }}", vars, ctx)).isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void mixedTextJoinsAndLeavesShellVariablesAlone() {
        assertThat(expressions.render("port=${PORT} zk={{ zk_port }} n={{ groups.zookeeper?size }}", vars, ctx))
                .isEqualTo("port=${PORT} zk=2181 n=3");
        assertThat(expressions.render("echo ${HOME} #{x}", vars, ctx)).isEqualTo("echo ${HOME} #{x}");
    }

    @Test
    void defaultsAndExistenceTestsWork() {
        assertThat(expressions.render("{{ missing!'fallback' }}", vars, ctx)).isEqualTo("fallback");
        assertThat(expressions.condition("missing?? || zk_port == 2181", vars, ctx)).isTrue();
        assertThat(expressions.condition("zk_port >= 1 && zk_port <= 65535", vars, ctx)).isTrue();
        assertThat(expressions.condition(true, vars, ctx)).isTrue();
        assertThat(expressions.condition("{{ name == 'lab' }}", vars, ctx)).isTrue();
    }

    @Test
    void undefinedVariableNamesVariableHostAndColumn() {
        assertThatThrownBy(() -> expressions.render("x {{ nope.deeper }}", vars, ctx))
                .isInstanceOf(UndefinedVariableError.class)
                .hasMessageContaining("play.yml:4:14")
                .hasMessageContaining("undefined variable 'nope'")
                .hasMessageContaining("host zk1");
    }

    @Test
    void syntaxErrorsAndNonBooleanConditionsAreReported() {
        assertThatThrownBy(() -> expressions.render("{{ zk_port + }}", vars, ctx)).isInstanceOf(TemplateError.class)
                .hasMessageContaining("invalid expression 'zk_port +'");
        assertThatThrownBy(() -> expressions.condition("name", vars, ctx)).isInstanceOf(TemplateError.class)
                .hasMessageContaining("gives the string 'lab', not true or false");
        assertThatThrownBy(() -> expressions.render("a {{ b", vars, ctx)).hasMessageContaining("never closed");
    }

    @Test
    void listsCannotBeEmbeddedInText() {
        assertThatThrownBy(() -> expressions.render("hosts: {{ groups.zookeeper }}", vars, ctx))
                .hasMessageContaining("is a list and cannot be put inside a longer string");
    }

    @Test
    void rendersDeepStructures() {
        Object out = expressions.renderDeep(Map.of("a", List.of("{{ zk_port }}", "x")), vars, ctx);
        assertThat(out).isEqualTo(Map.of("a", List.of(2181, "x")));
    }

    @Test
    void templateFilesRenderAndPointIntoTheFileOnErrors(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("zookeeper"));
        Files.writeString(dir.resolve("zookeeper/zoo.cfg.ftl"), "clientPort=${zk_port}\n<#list groups.zookeeper as h>server.${h?index + 1}=${h}\n</#list>");
        Files.writeString(dir.resolve("bad.ftl"), "line one\nvalue=${undefined_thing}\n");
        TemplateFiles files = new TemplateFiles(dir);
        assertThat(files.render("zookeeper/zoo.cfg.ftl", vars, null, "zk1"))
                .isEqualTo("clientPort=2181\nserver.1=a\nserver.2=b\nserver.3=c\n");
        assertThatThrownBy(() -> files.render("bad.ftl", vars, null, "zk1")).isInstanceOf(UndefinedVariableError.class)
                .hasMessageContaining("bad.ftl:2:9").hasMessageContaining("'undefined_thing'");
        assertThatThrownBy(() -> files.render("../etc/passwd", vars, new SourceLocation("p.yml", 1, 1), "zk1"))
                .hasMessageContaining("template '../etc/passwd' not found");
    }
}
