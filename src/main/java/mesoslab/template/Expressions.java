package mesoslab.template;

import freemarker.core.Environment;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mesoslab.common.SourceLocation;

/**
 * Evaluates Freemarker expressions inside YAML values: {@code {{ expr }}} in strings and bare
 * boolean expressions in {@code when:}, {@code until:}, {@code changed_when:} and
 * {@code failed_when:}. A string that is exactly one {@code {{ expr }}} gives the expression's
 * native value (a list stays a list); otherwise the parts are joined as text.
 *
 * <p>Undefined variables are errors, never empty strings. Thread-safe; parsed expressions are
 * cached.
 */
public final class Expressions {
    private static final String RESULT = "__mesoslab_result";
    private final Configuration cfg = FreemarkerSetup.configuration(null);
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    /** Renders a string: its {@code {{ }}} parts are evaluated, the rest is kept as written. */
    public Object render(String text, Map<String, Object> vars, ExpressionContext ctx) {
        if (!Segments.hasExpression(text)) {
            return text;
        }
        List<Segments.Segment> segments = Segments.split(text, ctx);
        if (segments.size() == 1 && segments.get(0).expression()) {
            return evaluate(segments.get(0).text(), vars, ctx, segments.get(0).offset());
        }
        StringBuilder out = new StringBuilder();
        for (Segments.Segment segment : segments) {
            if (segment.expression()) {
                out.append(Stringify.of(evaluate(segment.text(), vars, ctx, segment.offset()), segment.text(), ctx.at(segment.offset()), ctx.host()));
            } else {
                out.append(segment.text());
            }
        }
        return out.toString();
    }

    /** Renders strings anywhere inside maps and lists; other values are returned as they are. */
    public Object renderDeep(Object value, Map<String, Object> vars, ExpressionContext ctx) {
        if (value instanceof String s) {
            return render(s, vars, ctx);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(render(String.valueOf(k), vars, ctx)), renderDeep(v, vars, ctx)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(renderDeep(v, vars, ctx)));
            return out;
        }
        return value;
    }

    /**
     * Evaluates a bare condition. A YAML boolean is taken as is; a string may also be wrapped in
     * {@code {{ }}} out of habit.
     */
    public boolean condition(Object condition, Map<String, Object> vars, ExpressionContext ctx) {
        if (condition instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(condition).strip();
        if (text.startsWith("{{") && text.endsWith("}}")) {
            text = text.substring(2, text.length() - 2).strip();
        }
        Object value = evaluate(text, vars, ctx, 0);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new TemplateError(ctx.at(0), ctx.host(),
                "the condition '" + text + "' gives " + describe(value) + ", not true or false",
                "Write a comparison such as  x == 'yes'  or test a variable with  x??  (defined) or  x?has_content", null);
    }

    /** Evaluates one Freemarker expression to a plain Java value. */
    public Object evaluate(String expression, Map<String, Object> vars, ExpressionContext ctx, int offset) {
        Template template = parse(expression, ctx, offset);
        try {
            Environment env = template.createProcessingEnvironment(vars, Writer.nullWriter());
            env.process();
            TemplateModel model = env.getVariable(RESULT);
            return model == null ? null : DeepUnwrap.unwrap(model);
        } catch (InvalidReferenceException e) {
            String blamed = unwrapParentheses(e.getBlamedExpressionString());
            throw new UndefinedVariableError(ctx.at(offset), ctx.host(), blamed == null ? expression : blamed,
                    " in '{{ " + expression + " }}'", e);
        } catch (TemplateException e) {
            throw ownErrorOr(e, ctx, offset, expression);
        } catch (IOException e) {
            throw new TemplateError(ctx.at(offset), ctx.host(), "cannot evaluate '" + expression + "': " + e.getMessage(), "", e);
        }
    }

    /** The expression is wrapped in parentheses (so {@code >=} cannot close the tag); errors should not show them. */
    private static String unwrapParentheses(String blamed) {
        if (blamed != null && blamed.startsWith("(") && blamed.endsWith(")")) {
            String inner = blamed.substring(1, blamed.length() - 1);
            int depth = 0;
            for (char c : inner.toCharArray()) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth < 0) {
                    return blamed;
                }
            }
            return depth == 0 ? inner : blamed;
        }
        return blamed;
    }

    /**
     * A variable read during evaluation may itself fail (a nested value with an undefined
     * variable); Freemarker wraps that error, and the inner one is what a person needs to see.
     */
    static TemplateError ownError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TemplateError own) {
                return own;
            }
        }
        return null;
    }

    private static TemplateError ownErrorOr(TemplateException e, ExpressionContext ctx, int offset, String expression) {
        TemplateError own = ownError(e);
        if (own != null) {
            return own;
        }
        String why = e instanceof TemplateModelException ? e.getMessage() : e.getMessageWithoutStackTop();
        return new TemplateError(ctx.at(offset), ctx.host(), "cannot evaluate '" + expression + "': " + firstLine(why),
                "Check the expression's syntax and the types of the values it uses", e);
    }

    private Template parse(String expression, ExpressionContext ctx, int offset) {
        Template cached = cache.get(expression);
        if (cached != null) {
            return cached;
        }
        try {
            Template template = new Template("expression", "<#assign " + RESULT + " = (" + expression + ")>", cfg);
            cache.put(expression, template);
            return template;
        } catch (ParseException e) {
            SourceLocation where = ctx.at(offset);
            throw new TemplateError(where, ctx.host(), "invalid expression '" + expression + "': " + parseProblem(e),
                    "Expressions are Freemarker: e.g. {{ zk_port }}, {{ groups.zookeeper?size }}, {{ x!'default' }}", e);
        } catch (IOException e) {
            throw new TemplateError(ctx.at(offset), ctx.host(), "cannot parse '" + expression + "': " + e.getMessage(), "", e);
        }
    }

    /** Freemarker's parse message without its token list (and without the parentheses mesoslab adds). */
    private static String parseProblem(ParseException e) {
        String message = firstLine(e.getEditorMessage());
        int expecting = message.indexOf(", but was expecting");
        if (expecting > 0) {
            message = message.substring(0, expecting);
        }
        return message.startsWith("Encountered \")\"") ? "it ends too early (an operand is missing)" : message;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return "the string '" + s + "'";
        }
        return (value instanceof Number ? "the number " : "") + value;
    }

    /** Renders a whole text with Freemarker's own syntax ({@code ${x}}), for tests and small inline templates. */
    String renderFreemarker(String name, String text, Map<String, Object> vars) throws IOException, TemplateException {
        StringWriter out = new StringWriter();
        new Template(name, text, cfg).process(vars, out);
        return out.toString();
    }
}
