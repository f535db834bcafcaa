package mesoslab.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import mesoslab.events.Outcome;
import mesoslab.events.RunEvent;
import mesoslab.module.ModuleRegistry;
import mesoslab.module.builtin.AssertModule;
import mesoslab.module.builtin.DebugModule;
import mesoslab.module.builtin.FailModule;
import mesoslab.module.builtin.SetFactModule;
import mesoslab.plan.Plan;
import mesoslab.plan.Planner;
import mesoslab.plan.RunRequest;
import mesoslab.plan.TagFilter;
import mesoslab.template.Expressions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor's semantics, with modules that need no connection. */
class PlaybookRunnerTest {
    @TempDir
    Path dir;
    final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
    final ModuleRegistry modules = new ModuleRegistry().register(new DebugModule()).register(new SetFactModule())
            .register(new AssertModule()).register(new FailModule());

    @BeforeEach
    void inventory() throws Exception {
        Files.writeString(dir.resolve("hosts.yml"), """
                all:
                  vars: {db_password: s3cr3t-value}
                  children:
                    web:
                      hosts:
                        w1: {n: 1}
                        w2: {n: 2}
                        w3: {n: 3}
                """);
    }

    private RunSummary run(String playbook, RunOptions options, TagFilter tags) throws Exception {
        Files.writeString(dir.resolve("play.yml"), playbook);
        Plan plan = new Planner(modules).plan(new RunRequest(dir.resolve("play.yml"), dir.resolve("hosts.yml"), null, tags,
                List.of(), dir));
        return new PlaybookRunner(modules, (h, v) -> {
            throw new IllegalStateException("no connection expected");
        }, new Expressions()).run(plan, options, events::add);
    }

    private RunSummary run(String playbook) throws Exception {
        return run(playbook, RunOptions.DEFAULT, TagFilter.ALL);
    }

    private List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (RunEvent e : List.copyOf(events)) {
            if (e instanceof RunEvent.TaskStarted t) {
                lines.add((t.handler() ? "HANDLER " : "TASK ") + t.name());
            } else if (e instanceof RunEvent.HostDone d) {
                lines.add(d.outcome() + " " + d.host() + (d.item() == null ? "" : " " + d.item()) + " " + d.result().getOrDefault("msg", ""));
            }
        }
        return lines;
    }

    @Test
    void anotherHostsVariableThatUsesGroupsRendersThroughHostvars() throws Exception {
        Files.writeString(dir.resolve("hosts.yml"), "all:\n  vars:\n    web_count: \"{{ groups.web?size }} web hosts, {{ group_names?join(',') }}\"\n"
                + "  children:\n    web:\n      hosts:\n        w1:\n        w2:\n        w3:\n");
        run("- hosts: w1\n  tasks:\n    - name: read\n      debug: msg={{ hostvars['w2'].web_count }}\n");
        assertThat(lines()).contains("OK w1 3 web hosts, web");
    }

    @Test
    void linearStrategyFinishesEachTaskOnEveryHostBeforeTheNext() throws Exception {
        run("- hosts: web\n  tasks:\n    - name: a\n      debug: msg=a\n    - name: b\n      debug: msg=b\n");
        List<String> lines = lines();
        int lastA = -1;
        int firstB = Integer.MAX_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(" a")) {
                lastA = i;
            }
            if (lines.get(i).endsWith(" b")) {
                firstB = Math.min(firstB, i);
            }
        }
        assertThat(lastA).isLessThan(firstB);
        assertThat(lines).filteredOn(l -> l.startsWith("OK")).hasSize(6);
    }

    @Test
    void aFailedHostLeavesThePlayWhileTheOthersGoOnAndIgnoredErrorsDoNot() throws Exception {
        RunSummary summary = run("""
                - hosts: web
                  tasks:
                    - fail: msg=boom
                      when: n == 2
                    - fail: msg=tolerated
                      when: n == 3
                      ignore_errors: true
                    - name: after
                      debug: msg=after
                """);
        assertThat(lines()).contains("FAILED w2 boom", "IGNORED w3 tolerated", "OK w1 after", "OK w3 after")
                .doesNotContain("OK w2 after");
        assertThat(summary.anyFailed()).isTrue();
        assertThat(summary.stats().get("w3").ignored()).isEqualTo(1);
        assertThat(summary.stats().get("w2").failed()).isEqualTo(1);
    }

    @Test
    void loopsRegisterAndConditionsPerItem() throws Exception {
        run("""
                - hosts: w1
                  tasks:
                    - debug: msg="{{ item * n }}"
                      loop: [1, 2, 3]
                      when: item != 2
                      register: out
                    - assert:
                        that:
                          - out.results?size == 3
                          - out.results[1].skipped
                    - set_fact: {total: "{{ out.results?size + n }}"}
                    - debug: msg="total {{ total }}"
                """);
        assertThat(lines()).contains("OK w1 1 1", "SKIPPED w1 2 ", "OK w1 3 3", "OK w1 total 4");
        assertThat(lines()).noneMatch(l -> l.startsWith("FAILED"));
    }

    @Test
    void untilRetriesUntilTheConditionHolds() throws Exception {
        run("""
                - hosts: w1
                  tasks:
                    - set_fact: {tries: 0}
                    - debug: msg=never
                      register: r
                      until: false
                      retries: 2
                      delay: 0
                """);
        assertThat(events).filteredOn(e -> e instanceof RunEvent.Progress).hasSize(2);
        assertThat(lines()).anyMatch(l -> l.startsWith("FAILED w1") && l.contains("retries exhausted (3 attempts)"));
    }

    @Test
    void handlersRunOnceAtPlayEndInDefinitionOrderOnlyForNotifyingHosts() throws Exception {
        run("""
                - hosts: web
                  tasks:
                    - debug: msg=x
                      changed_when: n != 2
                      notify: [second, first]
                    - debug: msg=x
                      changed_when: n == 1
                      notify: first
                  handlers:
                    - name: first
                      debug: msg=first-handler
                    - name: second
                      listen: second
                      debug: msg=second-handler
                """);
        List<String> handlerLines = lines().stream().filter(l -> l.startsWith("HANDLER") || l.contains("handler")).toList();
        assertThat(handlerLines).containsExactlyInAnyOrder("HANDLER first", "OK w1 first-handler", "OK w3 first-handler",
                "HANDLER second", "OK w1 second-handler", "OK w3 second-handler");
        assertThat(handlerLines.indexOf("HANDLER first")).isLessThan(handlerLines.indexOf("HANDLER second"));
    }

    @Test
    void runOnceRunsOnTheFirstHostAndSharesTheRegisteredResult() throws Exception {
        run("""
                - hosts: web
                  tasks:
                    - debug: msg="from {{ inventory_hostname }}"
                      run_once: true
                      register: once
                    - debug: msg="{{ once.msg }}"
                """);
        assertThat(lines()).filteredOn(l -> l.startsWith("OK")).containsExactlyInAnyOrder("OK w1 from w1", "OK w1 from w1",
                "OK w2 from w1", "OK w3 from w1");
    }

    @Test
    void serialRunsBatchesOneAfterAnother() throws Exception {
        run("- hosts: web\n  serial: 1\n  tasks:\n    - debug: msg=a\n    - debug: msg=b\n");
        List<String> hostsInOrder = lines().stream().filter(l -> l.startsWith("OK")).map(l -> l.split(" ")[1]).toList();
        assertThat(hostsInOrder).containsExactly("w1", "w1", "w2", "w2", "w3", "w3");
    }

    @Test
    void secretsAndNoLogResultsNeverReachEvents() throws Exception {
        run("""
                - hosts: w1
                  tasks:
                    - debug: msg="password is {{ db_password }}"
                    - debug: msg="{{ db_password }}"
                      no_log: true
                """);
        assertThat(events.toString()).doesNotContain("s3cr3t-value").contains("password is ******")
                .contains(Redactor.NO_LOG);
    }

    @Test
    void tagsAndStartAtTaskSelectTasks() throws Exception {
        String playbook = """
                - hosts: w1
                  tasks:
                    - name: one
                      debug: msg=one
                      tags: [a]
                    - name: two
                      debug: msg=two
                    - name: three
                      debug: msg=three
                      tags: [a]
                """;
        run(playbook, RunOptions.DEFAULT, new TagFilter(Set.of("a"), Set.of()));
        assertThat(lines()).filteredOn(l -> l.startsWith("TASK")).containsExactly("TASK one", "TASK three");
        events.clear();
        run(playbook, new RunOptions(20, false, false, "two"), TagFilter.ALL);
        assertThat(lines()).filteredOn(l -> l.startsWith("TASK")).containsExactly("TASK two", "TASK three");
    }

    @Test
    void recapCountsATaskOncePerHostWhateverItsItems() throws Exception {
        RunSummary summary = run("- hosts: w1\n  tasks:\n    - debug: msg={{ item }}\n      loop: [1, 2, 3]\n");
        assertThat(summary.stats().get("w1").ok()).isEqualTo(1);
        assertThat(events).filteredOn(e -> e instanceof RunEvent.HostDone d && d.outcome() == Outcome.OK).hasSize(3);
    }

    @Test
    void connectionsAreMadeFromInventoryVariablesNotFromAPlayVariableThatSharesAnAliasName() throws Exception {
        Files.writeString(dir.resolve("play.yml"), "- hosts: w1\n  vars: {port: 2181, ansible_user: ops}\n  tasks:\n"
                + "    - stat: path=/\n");
        Plan plan = new Planner(modules.register(new mesoslab.module.builtin.StatModule())).plan(new RunRequest(dir.resolve("play.yml"),
                dir.resolve("hosts.yml"), null, TagFilter.ALL, List.of(), dir));
        List<java.util.Map<String, Object>> seen = new ArrayList<>();
        new PlaybookRunner(modules, (h, v) -> {
            seen.add(new java.util.HashMap<>(v));
            return new mesoslab.transport.local.LocalConnection(h);
        }, new Expressions()).run(plan, RunOptions.DEFAULT, events::add);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).doesNotContainKey("port").containsEntry("ansible_user", "ops").containsEntry("n", 1);
    }
}
