package mesoslab.vars;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoslab.playbook.KeyValues;
import mesoslab.common.InvalidInputException;
import mesoslab.common.Var;
import mesoslab.yaml.YamlLoader;
import mesoslab.yaml.YamlMap;
import mesoslab.yaml.YamlNode;

/**
 * Parses {@code -e} arguments as Ansible does: {@code k=v k2=v2} (values are strings),
 * {@code @file.yml} (a YAML or JSON mapping), or inline YAML/JSON starting with {@code {}.
 */
public final class ExtraVars {
    private ExtraVars() {}

    public static VarLayer parse(List<String> arguments) {
        Map<String, Var> vars = new LinkedHashMap<>();
        for (String argument : arguments) {
            String text = argument.strip();
            if (text.startsWith("@")) {
                addMapping(vars, YamlLoader.load(Path.of(text.substring(1))), argument);
            } else if (text.startsWith("{") || text.startsWith("[")) {
                addMapping(vars, YamlLoader.parse(Path.of("<-e argument>"), text), argument);
            } else if (!text.isEmpty()) {
                KeyValues.parse(text, null).forEach((k, v) -> vars.put(k, new Var(v, null)));
            }
        }
        return new VarLayer(Precedence.EXTRA_VARS, "extra vars (-e)", vars);
    }

    private static void addMapping(Map<String, Var> vars, YamlNode node, String argument) {
        if (node == null) {
            return;
        }
        if (!(node instanceof YamlMap map)) {
            throw new InvalidInputException(node.location(),
                    "-e '" + argument + "' must give a mapping of variables, not " + node.kind(),
                    "Write -e key=value, -e '{\"key\": \"value\"}' or -e @vars.yml with 'key: value' lines");
        }
        map.entries().values().forEach(e -> vars.put(e.key(), new Var(e.value() == null ? null : e.value().toPlain(), e.keyLocation())));
    }
}
