package mesoslab.vars;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mesoslab.inventory.Inventory;
import mesoslab.inventory.TempInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecedenceTest {
    @TempDir
    Path dir;

    private Inventory inventory() {
        return new TempInventory(dir)
                .file("hosts.yml", """
                        all:
                          vars: {v: all, only_all: 1}
                          children:
                            parent:
                              vars: {v: parent, p: parent}
                              children:
                                child:
                                  vars: {v: child}
                                  hosts:
                                    h1:
                                    h2: {v: host}
                            alpha:
                              vars: {s: alpha}
                              hosts: {h1: }
                            beta:
                              vars: {s: beta, ansible_group_priority: 0}
                              hosts: {h1: }
                            gamma:
                              vars: {s: gamma}
                              hosts: {h1: }
                        """)
                .file("group_vars/all.yml", "only_all: 2\n")
                .file("group_vars/parent.yml", "p: parent-file\n")
                .file("host_vars/h2.yml", "v: host-file\n")
                .load("hosts.yml");
    }

    @Test
    void childGroupBeatsParentAndHostBeatsGroups() {
        Inventory inv = inventory();
        assertThat(InventoryVars.stack(inv, inv.host("h1")).flatten()).containsEntry("v", "child");
        assertThat(InventoryVars.stack(inv, inv.host("h2")).flatten()).containsEntry("v", "host-file");
    }

    @Test
    void groupVarsFilesBeatInventoryGroupVarsAndAllComesFirst() {
        Inventory inv = inventory();
        Map<String, Object> vars = InventoryVars.stack(inv, inv.host("h1")).flatten();
        assertThat(vars).containsEntry("p", "parent-file").containsEntry("only_all", 2);
    }

    @Test
    void siblingsAtEqualDepthOrderByPriorityThenName() {
        Inventory inv = inventory();
        // alpha, gamma have the default priority 1; beta has 0 so it sorts first and loses; gamma wins by name.
        assertThat(InventoryVars.stack(inv, inv.host("h1")).flatten()).containsEntry("s", "gamma");
    }

    @Test
    void extraVarsBeatEverythingAndExplainListsWinnerFirst() {
        Inventory inv = inventory();
        VarStack stack = InventoryVars.stack(inv, inv.host("h2")).with(ExtraVars.parse(List.of("v=cli")),
                new VarLayer(Precedence.PLAY_VARS, "play", Map.of()));
        assertThat(stack.flatten()).containsEntry("v", "cli");
        List<VarStack.Setting> settings = stack.explain("v");
        assertThat(settings).extracting(s -> s.var().value()).containsExactly("cli", "host-file", "host", "child", "parent", "all");
        assertThat(settings.get(1).var().location().toString()).endsWith("h2.yml:1:1");
    }

    @Test
    void extraVarsReadJsonAndFiles() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("x.yml"), "a: 1\nb: [1, 2]\n");
        VarLayer layer = ExtraVars.parse(List.of("{\"c\": true}", "@" + dir.resolve("x.yml"), "d='two words' e=3"));
        assertThat(layer.vars()).containsOnlyKeys("c", "a", "b", "d", "e");
        assertThat(layer.vars().get("d").value()).isEqualTo("two words");
        assertThat(layer.vars().get("e").value()).isEqualTo("3");
    }

    @Test
    void magicVariablesDescribeTheHost() {
        Inventory inv = inventory();
        Map<String, Object> magic = MagicVars.of(inv, inv.host("h1"), List.of("h1"), h -> Map.of("x", h.name()));
        assertThat(magic.get("group_names")).isEqualTo(List.of("alpha", "beta", "child", "gamma", "parent"));
        assertThat(((Map<?, ?>) magic.get("groups")).get("parent")).isEqualTo(List.of("h1", "h2"));
        assertThat(((Map<?, ?>) ((Map<?, ?>) magic.get("hostvars")).get("h2")).get("x")).isEqualTo("h2");
    }
}
