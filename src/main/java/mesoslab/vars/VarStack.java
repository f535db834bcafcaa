package mesoslab.vars;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variable layers that apply to one host at one moment, kept apart so that every value can
 * be explained. Layers are sorted by precedence; layers of equal precedence keep insertion order
 * (later wins). Immutable: {@link #with} returns a new stack.
 */
public final class VarStack {
    private final List<VarLayer> layers;

    public VarStack(List<VarLayer> layers) {
        List<VarLayer> sorted = new ArrayList<>(layers);
        sorted.sort(Comparator.comparing(VarLayer::level));
        this.layers = List.copyOf(sorted);
    }

    public List<VarLayer> layers() {
        return layers;
    }

    /** This stack plus more layers. */
    public VarStack with(VarLayer... more) {
        List<VarLayer> all = new ArrayList<>(layers);
        all.addAll(List.of(more));
        return new VarStack(all);
    }

    /** The winning value of every variable. */
    public Map<String, Object> flatten() {
        Map<String, Object> result = new LinkedHashMap<>();
        for (VarLayer layer : layers) {
            layer.vars().forEach((k, v) -> {
                result.remove(k);
                result.put(k, v.value());
            });
        }
        return result;
    }

    /** Every layer that sets {@code name}, the winner first. */
    public List<Setting> explain(String name) {
        List<Setting> settings = new ArrayList<>();
        for (VarLayer layer : layers) {
            if (layer.vars().containsKey(name)) {
                settings.add(0, new Setting(layer, layer.vars().get(name)));
            }
        }
        return settings;
    }

    /** One place a variable is set. */
    public record Setting(VarLayer layer, mesoslab.common.Var var) {}
}
