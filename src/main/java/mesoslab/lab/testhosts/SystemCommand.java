package mesoslab.lab.testhosts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short system command (ip, kill) to completion and hands back its output. */
final class SystemCommand {
    private SystemCommand() {
    }

    record Result(int rc, String output) {
    }

    static Result run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out + " (timed out)");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** Runs and insists on success. */
    static String check(List<String> argv) {
        Result r = run(argv);
        if (r.rc() != 0) {
            throw new TestHostsUnavailableException("`" + String.join(" ", argv) + "` failed (" + r.rc() + "): "
                    + r.output().trim(), "test hosts need root, iproute2, util-linux and openssh-server", null);
        }
        return r.output();
    }
}
