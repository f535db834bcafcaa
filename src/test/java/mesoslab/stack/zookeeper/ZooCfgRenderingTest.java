package mesoslab.stack.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mesoslab.inventory.Host;
import mesoslab.module.BuiltinModules;
import mesoslab.plan.HostScope;
import mesoslab.plan.Plan;
import mesoslab.plan.PlannedPlay;
import mesoslab.plan.Planner;
import mesoslab.plan.RunRequest;
import mesoslab.plan.TagFilter;
import mesoslab.template.Expressions;
import mesoslab.template.TemplateFiles;
import org.junit.jupiter.api.Test;

/**
 * The project's zoo.cfg template as each install method renders it for the local lab: the same
 * file whatever the method (only the step that installs the server differs), and a correct one.
 */
class ZooCfgRenderingTest {
    private static final Path HOME = Path.of("").toAbsolutePath();

    private String render(String method, String file, String host) {
        Plan plan = new Planner(new BuiltinModules()).plan(new RunRequest(HOME.resolve("playbooks/zookeeper.yml"),
                HOME.resolve("inventories/local"), null, TagFilter.ALL, List.of("zookeeper_install=" + method), HOME,
                Map.of("mesoslab_home", "/lab", "mesoslab_jar", "/lab/mesoslab.jar", "mesoslab_java", "/usr/bin/java")));
        Expressions expressions = new Expressions();
        HostScope scope = new HostScope(plan.inventory(), plan.defaults(), plan.extraVars(), expressions);
        PlannedPlay play = plan.plays().get(1);
        Host target = plan.inventory().host(host);
        List<String> hosts = play.hosts().stream().map(Host::name).toList();
        Map<String, Object> vars = scope.flatten(scope.forPlay(target, play.play(), hosts), target, hosts);
        return new TemplateFiles(HOME.resolve("templates")).render(file, vars, null, host);
    }

    @Test
    void everyInstallMethodRendersTheSameZooCfg() {
        String bundled = render("bundled", "zookeeper/zoo.cfg.ftl", "master1");
        assertThat(render("archive", "zookeeper/zoo.cfg.ftl", "master1")).isEqualTo(bundled);
        assertThat(render("apt", "zookeeper/zoo.cfg.ftl", "master1")).isEqualTo(bundled);
    }

    @Test
    void theLocalLabZooCfgListsEveryMemberByItsOwnIdAndMovesTheAdminServerOff8080() {
        String cfg = render("bundled", "zookeeper/zoo.cfg.ftl", "master2");
        assertThat(cfg).contains("server.1=127.77.0.11:2888:3888\nserver.2=127.77.0.12:2888:3888\nserver.3=127.77.0.13:2888:3888\n")
                .contains("clientPortAddress=127.77.0.12\n").contains("admin.serverPort=8081\n").contains("quorumListenOnAllIPs=false\n")
                .contains("dataDir=/lab/.mesoslab/local/master2/var/lib/zookeeper\n").contains("4lw.commands.whitelist=ruok,mntr,srvr,stat,conf,isro\n");
        for (String line : cfg.split("\n")) {
            if (!line.startsWith("#") && line.contains("=")) {
                assertThat(line).as("no comment after a value: " + line).doesNotContain("#");
            }
        }
        assertThat(render("bundled", "zookeeper/myid.ftl", "master2")).isEqualTo("2\n");
    }
}
