package mesoslab.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import mesoslab.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryLoaderTest {
    @TempDir
    Path dir;

    @Test
    void readsGroupsChildrenHostsAndReconcilesAllAndUngrouped() {
        Inventory inv = new TempInventory(dir).file("hosts.yml", """
                all:
                  hosts:
                    lonely:
                  children:
                    web:
                      hosts:
                        web[1:2]:
                          http_port: 80
                    prod:
                      children:
                        web:
                    db:
                      hosts:
                        db1:2222:
                """).load("hosts.yml");
        assertThat(inv.group("ungrouped").hosts()).extracting(Host::name).containsExactly("lonely");
        assertThat(inv.group("all").children()).extracting(Group::name).containsExactly("ungrouped", "web", "prod", "db");
        assertThat(inv.group("prod").allHosts()).extracting(Host::name).containsExactly("web1", "web2");
        assertThat(inv.group("web").depth()).isEqualTo(2);
        assertThat(inv.host("web2").vars().get("http_port").value()).isEqualTo(80);
        assertThat(inv.host("db1").vars().get("ansible_port").value()).isEqualTo(2222);
        assertThat(inv.host("web1").allGroups()).extracting(Group::name).contains("web", "prod", "all");
    }

    @Test
    void mergesAFolderOfInventoryFilesAndReadsGroupAndHostVarsFilesAndFolders() {
        TempInventory t = new TempInventory(dir)
                .file("inv/a.yml", "all:\n  children:\n    web:\n      hosts:\n        w1:\n")
                .file("inv/b.yaml", "web:\n  vars:\n    color: blue\n")
                .file("inv/notes.txt", "ignored: [")
                .file("inv/group_vars/web/1.yml", "size: 1\n")
                .file("inv/group_vars/web/2.yml", "size: 2\n")
                .file("inv/host_vars/w1.json", "{\"id\": 7}\n");
        Inventory inv = t.load("inv");
        assertThat(inv.group("web").vars().get("color").value()).isEqualTo("blue");
        assertThat(inv.groupVarFiles("web")).hasSize(2);
        assertThat(inv.hostVarFiles("w1").get(0).vars().get("id").value()).isEqualTo(7);
    }

    @Test
    void refusesAGroupThatIsAlsoAHost() {
        TempInventory t = new TempInventory(dir).file("hosts.yml", "all:\n  children:\n    web:\n      hosts:\n        db:\n    db:\n      hosts:\n        x:\n");
        assertThatThrownBy(() -> t.load("hosts.yml")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("hosts.yml:5:9").hasMessageContaining("'db' is both a host and a group");
    }

    @Test
    void refusesCircularChildren() {
        TempInventory t = new TempInventory(dir).file("hosts.yml", "a:\n  children:\n    b:\n      children:\n        a:\n");
        assertThatThrownBy(() -> t.load("hosts.yml")).hasMessageContaining("hosts.yml:3:5").hasMessageContaining("loop");
    }

    @Test
    void refusesUnknownGroupKeyWithSuggestion() {
        TempInventory t = new TempInventory(dir).file("hosts.yml", "all:\n  host:\n    a:\n");
        assertThatThrownBy(() -> t.load("hosts.yml")).hasMessageContaining("hosts.yml:2:3")
                .hasMessageContaining("unknown key 'host' in group 'all'; did you mean 'hosts'?");
    }

    @Test
    void groupPriorityIsNotAVariable() {
        Inventory inv = new TempInventory(dir).file("hosts.yml", "g:\n  vars:\n    ansible_group_priority: 10\n    x: 1\n  hosts:\n    h:\n").load("hosts.yml");
        assertThat(inv.group("g").priority()).isEqualTo(10);
        assertThat(inv.group("g").vars()).containsOnlyKeys("x");
    }
}
