package mesoslab.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mesoslab.inventory.Host;
import mesoslab.inventory.HostPattern;
import mesoslab.inventory.Inventory;
import mesoslab.inventory.InventoryLoader;
import mesoslab.inventory.VarFilesReader;
import mesoslab.playbook.ModuleCatalog;
import mesoslab.playbook.Play;
import mesoslab.playbook.Playbook;
import mesoslab.playbook.PlaybookLoader;
import mesoslab.playbook.Task;
import mesoslab.vars.ExtraVars;
import mesoslab.vars.Precedence;
import mesoslab.vars.VarLayer;

/**
 * Turns a {@link RunRequest} into a {@link Plan}: loads the inventory and the playbook, selects
 * each play's hosts and tasks, then checks every expression it can before anything runs.
 */
public final class Planner {
    private final ModuleCatalog modules;

    public Planner(ModuleCatalog modules) {
        this.modules = modules;
    }

    public Plan plan(RunRequest request) {
        Inventory inventory = InventoryLoader.load(request.inventory());
        Playbook playbook = new PlaybookLoader(modules).load(request.playbook());
        VarLayer extra = ExtraVars.parse(request.extraVars());
        ProjectPaths paths = new ProjectPaths(playbook.file().getParent(), request.home().toAbsolutePath());
        List<VarLayer> defaults = new ArrayList<>();
        defaults.add(VarLayer.ofValues(Precedence.DEFAULTS, "mesoslab built-ins", request.builtins()));
        defaults.addAll(defaultsOf(paths));
        if (request.limit() != null
                && HostPattern.limit(inventory, List.copyOf(inventory.all().allHosts()), request.limit()).isEmpty()) {
            throw new mesoslab.common.InvalidInputException(null,
                    "--limit '" + request.limit() + "' leaves no host of the inventory to run on",
                    "Check the pattern against 'mesoslab inventory --graph' (names are case-sensitive)");
        }
        List<PlannedPlay> plays = new ArrayList<>();
        int number = 0;
        for (Play play : playbook.plays()) {
            number++;
            List<Host> hosts = HostPattern.select(inventory, play.hosts(), play.location());
            if (request.limit() != null) {
                hosts = HostPattern.limit(inventory, hosts, request.limit());
            }
            List<Task> tasks = new ArrayList<>();
            for (Task task : play.allTasks()) {
                List<String> tags = new ArrayList<>(play.tags());
                tags.addAll(task.allTags());
                if (request.tags().selects(tags)) {
                    tasks.add(task);
                }
            }
            plays.add(new PlannedPlay(number, play, hosts, tasks, play.handlers()));
        }
        return new Plan(inventory, playbook, plays, extra, defaults, paths);
    }

    /** For explain: the layers that apply without a playbook. */
    public static List<VarLayer> defaultsOf(ProjectPaths paths) {
        List<VarLayer> defaults = new ArrayList<>();
        for (Path file : paths.defaultsFiles()) {
            defaults.add(new VarLayer(Precedence.DEFAULTS, file.toString(), VarFilesReader.readFile(file).vars()));
        }
        return defaults;
    }

}
