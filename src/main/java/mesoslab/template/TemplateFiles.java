package mesoslab.template;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mesoslab.common.SourceLocation;

/**
 * Renders template files ({@code templates/**.ftl}) with Freemarker's own syntax. Errors point
 * into the template file (line and column) and name the host and the task that asked.
 * Thread-safe; Freemarker caches parsed templates.
 */
public final class TemplateFiles {
    private final Path root;
    private final Configuration cfg;

    /** Templates are looked up below {@code root} (usually the project's {@code templates/}). */
    public TemplateFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.cfg = FreemarkerSetup.configuration(Files.isDirectory(this.root) ? new FileTemplateLoader(this.root.toFile()) : null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open template folder " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Renders {@code name} (relative to the root, e.g. {@code zookeeper/zoo.cfg.ftl}).
     *
     * @param requestedAt where the task asking for it was written (for "template not found")
     */
    public String render(String name, Map<String, Object> vars, SourceLocation requestedAt, String host) {
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new TemplateError(requestedAt, host, "template '" + name + "' not found under " + SourceLocation.file(root),
                    "Check the 'src:' path; it is relative to the templates/ folder", null);
        }
        try {
            Template template = cfg.getTemplate(root.relativize(file).toString().replace('\\', '/'));
            StringWriter out = new StringWriter();
            template.process(vars, out);
            return out.toString();
        } catch (TemplateNotFoundException e) {
            throw new TemplateError(requestedAt, host, "template '" + name + "' not found", "Check the 'src:' path", e);
        } catch (ParseException e) {
            throw new TemplateError(SourceLocation.of(file, e.getLineNumber(), e.getColumnNumber()), host,
                    "template syntax error: " + Expressions.firstLine(e.getEditorMessage()),
                    "Fix the Freemarker syntax (interpolations are ${name}, directives <#if ...>)", e);
        } catch (InvalidReferenceException e) {
            String blamed = e.getBlamedExpressionString();
            throw new UndefinedVariableError(SourceLocation.of(file, e.getLineNumber(), e.getColumnNumber()), host,
                    blamed == null ? "?" : blamed, " in template " + name, e);
        } catch (TemplateException e) {
            TemplateError own = Expressions.ownError(e);
            if (own != null) {
                throw own;
            }
            Integer line = e.getLineNumber();
            throw new TemplateError(SourceLocation.of(file, line == null ? 0 : line, e.getColumnNumber() == null ? 0 : e.getColumnNumber()),
                    host, "template failed: " + Expressions.firstLine(e.getMessageWithoutStackTop()),
                    "Check the types of the values the template uses", e);
        } catch (IOException e) {
            throw new TemplateError(requestedAt, host, "cannot read template '" + name + "': " + e.getMessage(), "", e);
        }
    }
}
