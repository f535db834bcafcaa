package mesoslab.inventory;

import java.util.ArrayList;
import java.util.List;
import mesoslab.common.InvalidInputException;
import mesoslab.common.SourceLocation;

/**
 * Expands Ansible host ranges: {@code node[1:3]}, {@code node[01:10:2]} (zero padding kept),
 * {@code web[a:c]}, {@code 10.0.0.[1:3]}, several ranges in one name.
 */
public final class HostRange {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private HostRange() {}

    public static boolean isRange(String name) {
        return name.indexOf('[') >= 0;
    }

    public static List<String> expand(String pattern, SourceLocation where) {
        List<String> out = new ArrayList<>();
        expandInto(pattern, pattern, where, out);
        return out;
    }

    private static void expandInto(String original, String pattern, SourceLocation where, List<String> out) {
        int open = pattern.indexOf('[');
        if (open < 0) {
            out.add(pattern);
            return;
        }
        int close = pattern.indexOf(']', open);
        if (close < 0) {
            throw bad(original, where, "the '[' is never closed");
        }
        String head = pattern.substring(0, open);
        String tail = pattern.substring(close + 1);
        String[] bounds = pattern.substring(open + 1, close).split(":", -1);
        if (bounds.length != 2 && bounds.length != 3) {
            throw bad(original, where, "a range must be [begin:end] or [begin:end:step]");
        }
        String begin = bounds[0].isEmpty() ? "0" : bounds[0];
        String end = bounds[1];
        if (end.isEmpty()) {
            throw bad(original, where, "the range has no end value");
        }
        int step = 1;
        if (bounds.length == 3) {
            step = parseInt(bounds[2], original, where, "the step");
            if (step <= 0) {
                throw bad(original, where, "the step must be a positive number");
            }
        }
        for (String value : values(begin, end, step, original, where)) {
            expandInto(original, head + value + tail, where, out);
        }
    }

    private static List<String> values(String begin, String end, int step, String original, SourceLocation where) {
        List<String> values = new ArrayList<>();
        int b = LETTERS.indexOf(begin);
        int e = LETTERS.indexOf(end);
        if (begin.length() == 1 && end.length() == 1 && b >= 0 && e >= 0) {
            if (b > e) {
                throw bad(original, where, "the range begins after it ends");
            }
            for (int i = b; i <= e; i += step) {
                values.add(String.valueOf(LETTERS.charAt(i)));
            }
            return values;
        }
        boolean padded = begin.length() > 1 && begin.charAt(0) == '0';
        if (padded && begin.length() != end.length()) {
            throw bad(original, where, "a zero-padded range needs begin and end of equal length (like [01:10])");
        }
        int from = parseInt(begin, original, where, "the begin value");
        int to = parseInt(end, original, where, "the end value");
        if (from > to) {
            throw bad(original, where, "the range begins after it ends");
        }
        for (int i = from; i <= to; i += step) {
            values.add(padded ? String.format("%0" + begin.length() + "d", i) : Integer.toString(i));
        }
        return values;
    }

    private static int parseInt(String text, String original, SourceLocation where, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw bad(original, where, what + " '" + text + "' is neither a number nor a single letter");
        }
    }

    private static InvalidInputException bad(String pattern, SourceLocation where, String why) {
        return new InvalidInputException(where, "bad host range '" + pattern + "': " + why,
                "Write ranges like node[1:3], node[01:10], node[1:10:2] or web[a:c]");
    }
}
