package mesoslab.module;

import java.nio.file.Path;
import java.util.Map;
import mesoslab.template.TemplateFiles;
import mesoslab.transport.Connection;

/**
 * Everything a module needs for one run on one host, passed explicitly.
 *
 * @param args        the task's arguments, templated
 * @param host        the inventory name of the host
 * @param vars        the host's variables at this point (for templates)
 * @param connection  the host's connection (null for modules that run on the controller only)
 * @param check       check mode: report what would change, change nothing
 * @param diff        produce a diff of file changes
 * @param templates   template files, for the template module
 * @param baseDir     the folder relative source paths resolve from (the task file's folder)
 * @param become      privilege escalation for the task's commands
 */
public record ModuleCall(Map<String, Object> args, String host, Map<String, Object> vars, Connection connection,
                         boolean check, boolean diff, TemplateFiles templates, Path baseDir, mesoslab.transport.Become become) {

    public String string(String name) {
        Object value = args.get(name);
        return value == null ? null : String.valueOf(value);
    }

    public String string(String name, String fallback) {
        String value = string(name);
        return value == null ? fallback : value;
    }

    /** A boolean argument; accepts YAML booleans and the words Ansible accepts (yes/no/true/false/1/0). */
    public boolean bool(String name, boolean fallback) {
        Object value = args.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (String.valueOf(value).toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true", "on", "1", "y" -> true;
            case "no", "false", "off", "0", "n" -> false;
            default -> throw new ModuleArgumentException(name, value, "true or false");
        };
    }

    public Integer integer(String name, Integer fallback) {
        Object value = args.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new ModuleArgumentException(name, value, "a whole number");
        }
    }
}
