package mesoslab.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mesoslab.common.InvalidInputException;
import mesoslab.module.BuiltinModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private Playbook load(String content) throws Exception {
        return new PlaybookLoader(new BuiltinModules()).load(write("play.yml", content));
    }

    @Test
    void readsShortAndDictModuleSyntaxAndKeywords() throws Exception {
        Playbook pb = load("""
                - name: Lab
                  hosts: zookeeper
                  serial: [1, 50%]
                  vars: {zk_port: 2181}
                  tasks:
                    - name: make dir
                      file: path=/tmp/x state=directory mode='0755'
                      tags: setup, files
                    - command: echo hi chdir=/tmp
                      register: out
                      when: [zk_port == 2181, "x??"]
                      notify: restart
                    - copy:
                        src: a
                        dest: /b
                      loop: [1, 2]
                      loop_control: {loop_var: n, label: "{{ n }}"}
                      retries: 3
                      delay: 1
                      until: out.rc == 0
                  handlers:
                    - name: restart
                      listen: restart zk
                      debug: msg=restarted
                """);
        Play play = pb.plays().get(0);
        assertThat(play.serial().batches(5)).containsExactly(1, 2, 2);
        Task file = play.tasks().get(0);
        assertThat(file.module()).isEqualTo("file");
        assertThat(file.args()).isEqualTo(Map.of("path", "/tmp/x", "state", "directory", "mode", "0755"));
        assertThat(file.tags()).containsExactly("setup", "files");
        Task command = play.tasks().get(1);
        assertThat(command.args()).isEqualTo(Map.of("_raw_params", "echo hi", "chdir", "/tmp"));
        assertThat(command.when()).hasSize(2);
        assertThat(command.notifyHandlers()).containsExactly("restart");
        assertThat(command.displayName()).isEqualTo("command");
        Task copy = play.tasks().get(2);
        assertThat(copy.loop()).isEqualTo(List.of(1, 2));
        assertThat(copy.loopControl().loopVar()).isEqualTo("n");
        assertThat(copy.retries()).isEqualTo(3);
        assertThat(play.handlers().get(0).listen()).containsExactly("restart zk");
        assertThat(file.location().line()).isEqualTo(6);
    }

    @Test
    void importsTasksAndPlaybooksInPlaceWithInheritedTagsAndConditions() throws Exception {
        write("tasks/common.yml", "- name: inner\n  debug: msg=x\n  tags: [inner]\n");
        write("other.yml", "- hosts: all\n  tasks:\n    - import_tasks: tasks/common.yml\n      when: go\n      tags: outer\n");
        Playbook pb = load("- import_playbook: other.yml\n  tags: [imported]\n- hosts: db\n  tasks: []\n");
        assertThat(pb.plays()).hasSize(2);
        Task inner = pb.plays().get(0).tasks().get(0);
        assertThat(inner.name()).isEqualTo("inner");
        assertThat(inner.allTags()).containsExactly("outer", "inner");
        assertThat(inner.when()).hasSize(1);
        assertThat(pb.plays().get(0).tags()).containsExactly("imported");
    }

    @Test
    void unknownModuleSuggestsTheClosestName() {
        assertThatThrownBy(() -> load("- hosts: all\n  tasks:\n    - comand: ls\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("play.yml:3:7: unknown module or task keyword 'comand'; did you mean 'command'?");
    }

    @Test
    void misspelledTaskAndPlayKeywordsAreRefused() {
        assertThatThrownBy(() -> load("- hosts: all\n  tasks:\n    - debug: msg=x\n      whn: true\n"))
                .hasMessageContaining("play.yml:4:7").hasMessageContaining("did you mean 'when'?");
        assertThatThrownBy(() -> load("- hosts: all\n  taks: []\n"))
                .hasMessageContaining("play.yml:2:3: unknown play keyword 'taks'; did you mean 'tasks'?");
    }

    @Test
    void typeErrorsNameTheKeyAndTheValue() {
        assertThatThrownBy(() -> load("- hosts: all\n  serial: abc\n  tasks: []\n"))
                .hasMessageContaining("play.yml:2:11: 'serial' must be a number of hosts or a percentage, not 'abc'");
        assertThatThrownBy(() -> load("- hosts: all\n  tasks:\n    - debug: msg=x\n      become: maybe\n"))
                .hasMessageContaining("play.yml:4:15: 'become' must be true or false, not a string ('maybe')");
        assertThatThrownBy(() -> load("- hosts: all\n  tasks:\n    - debug: msg=x\n      retries: many\n"))
                .hasMessageContaining("'retries' must be a whole number");
    }

    @Test
    void twoModulesOrNoneAreRefused() {
        assertThatThrownBy(() -> load("- hosts: all\n  tasks:\n    - command: ls\n      shell: ls\n"))
                .hasMessageContaining("has two modules, 'command' and 'shell'");
        assertThatThrownBy(() -> load("- hosts: all\n  tasks:\n    - name: nothing\n"))
                .hasMessageContaining("task 'nothing' has no module");
    }

    @Test
    void missingFilesAreReportedWhereTheyAreNamed() {
        assertThatThrownBy(() -> load("- hosts: all\n  vars_files: [nope.yml]\n  tasks: []\n"))
                .hasMessageContaining("play.yml:2:16: vars file 'nope.yml' not found");
        assertThatThrownBy(() -> load("- hosts: all\n  tasks:\n    - import_tasks: nope.yml\n"))
                .hasMessageContaining("play.yml:3:21: tasks file 'nope.yml' not found");
        assertThatThrownBy(() -> load("- import_playbook: nope.yml\n"))
                .hasMessageContaining("imported playbook 'nope.yml' not found");
    }

    @Test
    void circularImportsAreRefused() throws Exception {
        write("tasks/a.yml", "- import_tasks: b.yml\n");
        write("tasks/b.yml", "- import_tasks: a.yml\n");
        assertThatThrownBy(() -> load("- hosts: all\n  tasks:\n    - import_tasks: tasks/a.yml\n"))
                .hasMessageContaining("imports itself");
    }
}
