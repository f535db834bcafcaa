package mesoslab.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import mesoslab.common.InvalidInputException;
import mesoslab.common.Secret;

/**
 * Asks the person at the keyboard for a password ({@code -k}, {@code -K}). On a terminal the
 * answer is not echoed; without one (a pipe, CI) one line is read from standard input, so
 * {@code printf '%s\n' "$PW" | mesoslab run -k ...} works. The answer is a {@link Secret} at once.
 */
interface PasswordPrompt {

    /** The answer to {@code label}; an empty answer is an empty secret, a closed input an input error naming {@code flag}. */
    Secret ask(String label, String flag);

    /** The real one: the console when there is one, else standard input with the prompt on {@code err}. */
    static PasswordPrompt standard(PrintWriter err) {
        Console console = System.console();
        if (console != null) {
            return (label, flag) -> {
                char[] typed = console.readPassword("%s: ", label);
                if (typed == null) {
                    throw closed(flag);
                }
                return Secret.of(new String(typed));
            };
        }
        return lines(System.in, err);
    }

    /** One line per question from {@code in}, the prompt on {@code err} (tests and pipes). */
    static PasswordPrompt lines(InputStream in, PrintWriter err) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return (label, flag) -> {
            err.print(label + ": ");
            err.flush();
            try {
                String line = reader.readLine();
                err.println();
                if (line == null) {
                    throw closed(flag);
                }
                return Secret.of(line);
            } catch (IOException e) {
                throw new InvalidInputException(null, flag + ": cannot read the password from standard input: " + e.getMessage(),
                        "Type it at the prompt, or pipe it in");
            }
        };
    }

    private static InvalidInputException closed(String flag) {
        return new InvalidInputException(null, flag + " asks for a password, but standard input ended before one was typed",
                "Run it on a terminal and type the password at the prompt, or pipe it in: printf '%s\\n' \"$PASSWORD\" | mesoslab ... " + flag);
    }
}
