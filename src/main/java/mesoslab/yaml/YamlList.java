package mesoslab.yaml;

import java.util.ArrayList;
import java.util.List;
import mesoslab.common.SourceLocation;

/** A YAML sequence. */
public record YamlList(SourceLocation location, List<YamlNode> items) implements YamlNode {

    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public Object toPlain() {
        List<Object> plain = new ArrayList<>(items.size());
        items.forEach(item -> plain.add(item.toPlain()));
        return plain;
    }

    @Override
    public String kind() {
        return "a list";
    }
}
