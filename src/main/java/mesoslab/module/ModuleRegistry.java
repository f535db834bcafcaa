package mesoslab.module;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mesoslab.playbook.ModuleCatalog;

/** The modules a run can use, by name. Built once by the composition root. */
public final class ModuleRegistry implements ModuleCatalog {
    private final Map<String, Module> modules = new LinkedHashMap<>();

    public ModuleRegistry register(Module module) {
        modules.put(module.name(), module);
        return this;
    }

    /** Registers {@code module} under another name too ({@code service} for {@code systemd}). */
    public ModuleRegistry alias(String alias, String name) {
        modules.put(alias, modules.get(name));
        return this;
    }

    public Module get(String name) {
        return modules.get(name);
    }

    @Override
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(modules.keySet()));
    }

    @Override
    public Set<String> freeFormOptions(String name) {
        Module module = modules.get(name);
        return module == null ? null : module.freeFormOptions();
    }

    @Override
    public Set<String> options(String name) {
        Module module = modules.get(name);
        return module == null ? null : module.options();
    }

    @Override
    public Set<String> required(String name) {
        Module module = modules.get(name);
        return module == null ? Set.of() : module.required();
    }
}
