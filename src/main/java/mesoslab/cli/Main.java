package mesoslab.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Map;
import picocli.CommandLine;

/**
 * The entry point: builds the command line, runs it, maps errors to exit codes.
 * {@link #run} is the testable form; {@link #main} only exits with its result.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err, System.getenv());
        out.flush();
        System.exit(code);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return run(args, out, err, env, PasswordPrompt.standard(err));
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter, Map)}, with passwords read from {@code stdin}, one line each. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, java.io.InputStream stdin) {
        return run(args, out, err, env, PasswordPrompt.lines(stdin, err));
    }

    private static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, PasswordPrompt prompt) {
        CliContext context = new CliContext(Home.detect(env.get("MESOSLAB_HOME")), env, prompt);
        CommandLine cli = new CommandLine(new MesoslabCommand(), new ContextFactory(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // "-l @file" is Ansible's limit file, not a picocli argument file.
        cli.setExpandAtFiles(false);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine command = ex.getCommandLine();
            String hint = " Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options.";
            String suggestion = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                suggestion = " Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
            }
            err.println("error: " + ex.getMessage() + "." + suggestion + hint);
            err.flush();
            return ExitCodes.INVALID_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, command, parseResult) -> {
            MesoslabCommand root = cli.getCommand();
            return ErrorPrinter.print(ex, err, root.verbose.length);
        });
        return cli.execute(args);
    }

    /** Hands every command the context through a constructor taking it, when it has one. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CliContext.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
