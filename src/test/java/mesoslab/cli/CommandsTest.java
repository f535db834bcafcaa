package mesoslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, in-process, on the project's own files. */
class CommandsTest {
    private final CliRunner cli = CliRunner.withHome(Path.of("").toAbsolutePath());

    @Test
    void withoutInventoryTheLocalLabIsUsed() {
        CliRunner.Result r = cli.run("inventory", "--graph", "zookeeper");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("@zookeeper:\n  |--master1\n  |--master2\n  |--master3\n");
    }

    @Test
    void theLocalLabHasTheDesignedGroupsEachHostWithItsOwnLoopbackAddress() {
        CliRunner.Result r = cli.run("inventory", "--list");
        assertThat(r.code()).isZero();
        for (String group : new String[] {"zookeeper", "mesos_masters", "mesos_agents", "marathon", "mesos_dns", "bigip"}) {
            assertThat(r.out()).contains("\"" + group + "\": {");
        }
        assertThat(r.out().split("\"ansible_host\": \"127\\.77\\.", -1)).hasSize(8);
    }

    @Test
    void explainListsTheWinnerFirstWithLocations() {
        CliRunner.Result r = cli.run("explain", "lab_root", "--host", "agent1", "-e", "lab_root=/x");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("lab_root = '/x'\n  wins:        '/x'  (extra vars (-e)) command line\n")
                .containsPattern("overridden:  '\\{\\{ local_lab_dir \\}\\}/\\{\\{ inventory_hostname \\}\\}'  \\(group all \\(inventory\\)\\) \\S*hosts.yml:8:5");
    }

    @Test
    void explainNeverPrintsSecrets(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hosts.yml"), "all:\n  hosts:\n    h:\n      bigip_password: hunter2\n");
        CliRunner.Result r = cli.run("explain", "bigip_password", "--host", "h", "-i", dir.resolve("hosts.yml").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("******").doesNotContain("hunter2");
    }

    @Test
    void unknownHostOrVariableIsInvalidInputWithSuggestion() {
        assertThat(cli.run("explain", "lab_rot", "--host", "agent1").err())
                .isEqualTo("error: variable 'lab_rot' is not set for host agent1; did you mean 'lab_root'? "
                        + "Set it in the inventory (vars:, group_vars/, host_vars/) or with -e; play vars show only when the play runs\n");
        CliRunner.Result r = cli.run("inventory", "--host", "agent3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("did you mean 'agent1'?");
    }

    @Test
    void everyCommandExplainsItself() {
        for (String command : new String[] {"inventory", "run", "explain"}) {
            CliRunner.Result r = cli.run(command, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage: mesoslab " + command).contains("-i, --inventory=INVENTORY");
        }
        assertThat(cli.run("--help").out()).contains("Exit codes:");
    }

    @Test
    void runChecksAndListsWithoutTouchingHosts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("play.yml"), "- hosts: zookeeper\n  tasks:\n    - name: id\n      debug: msg={{ zk_id }}\n");
        CliRunner.Result r = cli.run("run", dir.resolve("play.yml").toString(), "--syntax-check");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        Files.writeString(dir.resolve("bad.yml"), "- hosts: mesos_agents\n  tasks:\n    - name: id\n      debug: msg={{ zk_id }}\n");
        CliRunner.Result bad = cli.run("run", dir.resolve("bad.yml").toString(), "--syntax-check");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("undefined variable 'zk_id'").contains("(host agent1)");
    }

    @Test
    void runExitsThreeOnAFailedTaskAndWritesJsonJunitAndRetryFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("play.yml"), """
                - hosts: zookeeper
                  tasks:
                    - name: fail on two
                      fail: msg="no {{ zk_id }}"
                      when: zk_id == 2
                """);
        CliRunner.Result r = cli.run("run", dir.resolve("play.yml").toString(), "--output", "json",
                "--junit", dir.resolve("junit.xml").toString(), "--retry-file", dir.resolve("retry").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("\"outcome\" : \"failed\"").contains("\"msg\" : \"no 2\"");
        assertThat(Files.readAllLines(dir.resolve("retry"))).containsExactly("master2");
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("tests=\"3\" failures=\"1\" skipped=\"2\"")
                .contains("<testcase classname=\"master2\" name=\"fail on two\"><failure");
        CliRunner.Result retry = cli.run("run", dir.resolve("play.yml").toString(), "-l", "@" + dir.resolve("retry"));
        assertThat(retry.out()).contains("fatal: [master2]: FAILED! => no 2").doesNotContain("master1");
    }
}
