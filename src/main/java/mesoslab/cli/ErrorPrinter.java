package mesoslab.cli;

import java.io.PrintWriter;
import mesoslab.common.InvalidInputException;
import mesoslab.common.MesoslabException;

/**
 * Prints an error as one paragraph on stderr and chooses the exit code. A stack trace appears
 * only with {@code -v}, and only as the cause chain after the paragraph.
 */
final class ErrorPrinter {
    private ErrorPrinter() {}

    static int print(Throwable error, PrintWriter err, int verbosity) {
        int code;
        String paragraph;
        if (error instanceof InvalidInputException input) {
            code = ExitCodes.INVALID_INPUT;
            paragraph = input.paragraph();
        } else if (error instanceof MesoslabException known) {
            code = ExitCodes.INTERNAL;
            paragraph = known.paragraph();
        } else {
            code = ExitCodes.INTERNAL;
            paragraph = "internal error: " + error + ". This is a bug in mesoslab; run the same command with -v and report the output";
        }
        err.println("error: " + paragraph);
        if (verbosity > 0) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                err.println("  caused by: " + cause);
                if (verbosity > 1) {
                    for (StackTraceElement frame : cause.getStackTrace()) {
                        err.println("      at " + frame);
                    }
                }
            }
        }
        err.flush();
        return code;
    }
}
