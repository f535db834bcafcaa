package mesoslab.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mesoslab.common.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPatternTest {
    @TempDir
    Path dir;
    Inventory inv;

    @BeforeEach
    void load() {
        inv = new TempInventory(dir).file("hosts.yml", """
                all:
                  children:
                    web:
                      hosts:
                        web1:
                        web2:
                        web3:
                    db:
                      hosts:
                        db1:
                        web2:
                    prod:
                      hosts:
                        web1:
                        db1:
                """).load("hosts.yml");
    }

    private List<String> select(String pattern) {
        return HostPattern.select(inv, pattern, null).stream().map(Host::name).toList();
    }

    @Test
    void unionsIntersectionsAndExclusionsKeepAnsiblesOrder() {
        assertThat(select("all")).containsExactly("web1", "web2", "web3", "db1");
        assertThat(select("db:web")).containsExactly("db1", "web2", "web1", "web3");
        assertThat(select("db,web")).containsExactly("db1", "web2", "web1", "web3");
        assertThat(select("web:&prod")).containsExactly("web1");
        assertThat(select("web:!db")).containsExactly("web1", "web3");
        assertThat(select("!db")).containsExactly("web1", "web3");
        assertThat(select("&prod:web")).containsExactly("web1");
    }

    @Test
    void globsRegexesAndSubscripts() {
        assertThat(select("web*")).containsExactly("web1", "web2", "web3");
        assertThat(select("~(db|web)[13]")).containsExactly("web1", "web3", "db1");
        assertThat(select("web[0]")).containsExactly("web1");
        assertThat(select("web[-1]")).containsExactly("web3");
        assertThat(select("web[1:2]")).containsExactly("web2", "web3");
        assertThat(select("web[1:]")).containsExactly("web2", "web3");
        assertThat(select("nothing")).isEmpty();
    }

    @Test
    void subscriptOutOfRangeIsAnErrorInALimitButSelectsNothingInAPlay() {
        assertThat(select("web[7]")).isEmpty();
        assertThatThrownBy(() -> HostPattern.limit(inv, HostPattern.select(inv, "all", null), "web[7]"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no hosts matched the subscripted pattern 'web[7]'");
    }

    @Test
    void badRegexIsAnError() {
        assertThatThrownBy(() -> select("~(")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invalid regular expression");
    }

    @Test
    void limitFiltersKeepingThePlayOrderAndReadsAtFiles() throws Exception {
        List<Host> all = HostPattern.select(inv, "all", null);
        Path file = dir.resolve("limit.txt");
        Files.writeString(file, "db1\n\nweb3\n");
        assertThat(HostPattern.limit(inv, all, "@" + file)).extracting(Host::name).containsExactly("web3", "db1");
        assertThat(HostPattern.limit(inv, all, "prod")).extracting(Host::name).containsExactly("web1", "db1");
    }
}
