package mesoslab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process and captures what it prints. */
record CliRunner(Map<String, String> env) {

    static CliRunner withHome(Path home) {
        return new CliRunner(Map.of("MESOSLAB_HOME", home.toString()));
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {}
}
