package mesoslab.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mesoslab.common.InvalidInputException;
import mesoslab.inventory.Host;
import mesoslab.inventory.Inventory;
import mesoslab.inventory.VarFilesReader;
import mesoslab.playbook.Play;
import mesoslab.playbook.VarsFile;
import mesoslab.template.ExpressionContext;
import mesoslab.template.Expressions;
import mesoslab.template.TemplatedVars;
import mesoslab.vars.InventoryVars;
import mesoslab.vars.MagicVars;
import mesoslab.vars.Precedence;
import mesoslab.vars.VarLayer;
import mesoslab.vars.VarStack;

/**
 * The variables one host sees in one play, layer by layer: defaults, inventory, play vars,
 * vars_files, extra vars; magic variables on top. Facts added at run time go in with
 * {@link VarStack#with}.
 */
public final class HostScope {
    private final Inventory inventory;
    private final List<VarLayer> defaults;
    private final VarLayer extra;
    private final Expressions expressions;
    private final Map<Host, VarStack> inventoryStacks = new HashMap<>();

    public HostScope(Inventory inventory, List<VarLayer> defaults, VarLayer extra, Expressions expressions) {
        this.inventory = inventory;
        this.defaults = defaults;
        this.extra = extra;
        this.expressions = expressions;
    }

    /** Defaults, inventory and extra vars: what a host sees outside any play. */
    public synchronized VarStack base(Host host) {
        return inventoryStacks.computeIfAbsent(host, h -> {
            List<VarLayer> layers = new ArrayList<>(defaults);
            layers.addAll(InventoryVars.layers(inventory, h));
            layers.add(extra);
            return new VarStack(layers);
        });
    }

    /** The stack for {@code host} in {@code play}: play vars, then its vars_files (whose names may use variables). */
    public VarStack forPlay(Host host, Play play, List<String> playHosts) {
        VarStack stack = base(host).with(new VarLayer(Precedence.PLAY_VARS, "play '" + play.displayName() + "' vars", play.vars()));
        for (VarsFile file : play.varsFiles()) {
            Map<String, Object> vars = flatten(stack, host, playHosts);
            Object name = expressions.render(file.path(), vars, new ExpressionContext(file.location(), false, host.name()));
            Path path = play.file().getParent().resolve(String.valueOf(name));
            if (!Files.isRegularFile(path)) {
                throw new InvalidInputException(file.location(), "vars file '" + name + "' not found (for host " + host.name() + ")",
                        "It is looked up relative to the playbook's folder");
            }
            stack = stack.with(new VarLayer(Precedence.PLAY_VARS_FILES, path.toString(), VarFilesReader.readFile(path).vars()));
        }
        return stack;
    }

    /** The winning values plus the magic variables. */
    public Map<String, Object> flatten(VarStack stack, Host host, List<String> playHosts) {
        return flatten(stack, host, playHosts, h -> base(h).flatten());
    }

    /**
     * A host's variables as another host sees them through {@code hostvars}: rendered on read, as
     * that host, with its own magic variables ({@code groups}, {@code group_names}, its own
     * {@code hostvars}...), so a value such as {@code "{{ groups.masters?size }}"} renders there too.
     */
    public Map<String, Object> asHostVars(Host host, Map<String, Object> vars,
                                          java.util.function.Function<Host, Map<String, Object>> hostVars) {
        Map<String, Object> withMagic = new HashMap<>(vars);
        withMagic.putAll(MagicVars.of(inventory, host, List.of(), h -> asHostVars(h, hostVars.apply(h), hostVars)));
        withMagic.remove("play_hosts");
        withMagic.remove("ansible_play_hosts");
        return new TemplatedVars(withMagic, expressions, host.name(), MagicVars.NAMES);
    }

    /** As {@link #flatten(VarStack, Host, List)}, with {@code hostvars} answered by {@code hostVars} (which may add facts). */
    public Map<String, Object> flatten(VarStack stack, Host host, List<String> playHosts,
                                       java.util.function.Function<Host, Map<String, Object>> hostVars) {
        Map<String, Object> vars = new HashMap<>(stack.flatten());
        vars.putAll(MagicVars.of(inventory, host, playHosts, h -> asHostVars(h, hostVars.apply(h), hostVars)));
        return new TemplatedVars(vars, expressions, host.name(), MagicVars.NAMES);
    }
}
