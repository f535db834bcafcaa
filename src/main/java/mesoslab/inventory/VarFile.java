package mesoslab.inventory;

import mesoslab.common.Var;
import java.nio.file.Path;
import java.util.Map;

/** One {@code group_vars/} or {@code host_vars/} file and the variables it sets, in file order. */
public record VarFile(Path path, Map<String, Var> vars) {}
