package mesoslab.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import mesoslab.module.builtin.BlockInFileModule;
import mesoslab.module.builtin.CopyModule;
import mesoslab.module.builtin.FileModule;
import mesoslab.module.builtin.LineInFileModule;
import mesoslab.module.builtin.TemplateModule;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every file-changing module keeps, on the local connection: check mode changes
 * nothing but reports the change; the first run changes; the second reports ok; diff shows
 * the change.
 */
class FileModulesContractTest {
    @TempDir
    Path dir;

    record Case(String name, Module module, Function<Path, Map<String, Object>> args, String target, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("copy content", new CopyModule(), d -> Map.of("content", "a=1\n", "dest", d.resolve("out/c.cfg").toString(),
                        "mode", "0640"), "out/c.cfg", "a=1\n"),
                new Case("template", new TemplateModule(), d -> Map.of("src", "zoo.cfg.ftl", "dest", d.resolve("out/zoo.cfg").toString()),
                        "out/zoo.cfg", "clientPort=2181\nhost=local1\n"),
                new Case("lineinfile", new LineInFileModule(), d -> Map.of("path", d.resolve("out/l.cfg").toString(),
                        "regexp", "^port=", "line", "port=2181"), "out/l.cfg", "# keep\nport=2181\n"),
                new Case("blockinfile", new BlockInFileModule(), d -> Map.of("path", d.resolve("out/b.cfg").toString(),
                        "block", "x=1\ny=2\n"), "out/b.cfg", "# keep\nport=1\n# BEGIN MESOSLAB MANAGED BLOCK\nx=1\ny=2\n# END MESOSLAB MANAGED BLOCK\n"),
                new Case("file directory", new FileModule(), d -> Map.of("path", d.resolve("out/newdir").toString(), "state", "directory",
                        "mode", "0750"), "out/newdir", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checkChangesNothingFirstRunChangesSecondIsOkAndDiffShowsTheChange(Case c) throws Exception {
        Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/zoo.cfg.ftl"), "clientPort=${zk_port}\nhost=${inventory_hostname}\n");
        Files.writeString(dir.resolve("out/l.cfg"), "# keep\nport=1\n");
        Files.writeString(dir.resolve("out/b.cfg"), "# keep\nport=1\n");
        ModuleHarness h = ModuleHarness.in(dir);
        Path target = dir.resolve(c.target());
        String before = Files.isRegularFile(target) ? Files.readString(target) : null;

        ModuleResult check = h.run(c.module(), c.args().apply(dir), true, true);
        assertThat(check.changed()).isTrue();
        assertThat(Files.isRegularFile(target) ? Files.readString(target) : null).isEqualTo(before);
        assertThat(Files.exists(target)).isEqualTo(before != null);

        ModuleResult first = h.run(c.module(), c.args().apply(dir), false, true);
        assertThat(first.failed()).as(String.valueOf(first.msg())).isFalse();
        assertThat(first.changed()).isTrue();
        if (c.expected() != null) {
            assertThat(Files.readString(target)).isEqualTo(c.expected());
            assertThat(first.diff()).contains("+++ after: " + target);
        } else {
            assertThat(Files.isDirectory(target)).isTrue();
        }

        ModuleResult second = h.run(c.module(), c.args().apply(dir), false, true);
        assertThat(second.changed()).isFalse();
        assertThat(second.diff()).isNull();
        try (var files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".mesoslab."));
        }
    }
}
