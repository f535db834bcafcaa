package mesoslab.module;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts (longest-common-subsequence over lines, 3 lines of context). */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    public static String of(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(" " + a.get(i++));
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ops.add("+" + b.get(j++));
            } else {
                ops.add("-" + a.get(i++));
            }
        }
        return render(path, ops, before == null);
    }

    private static String render(String path, List<String> ops, boolean created) {
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(created ? "/dev/null" : "before: " + path).append('\n');
        out.append("+++ after: ").append(path).append('\n');
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k).startsWith(" ")) {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int quiet = 0;
            while (end < ops.size() && quiet <= 2 * CONTEXT) {
                quiet = ops.get(end).startsWith(" ") ? quiet + 1 : 0;
                end++;
            }
            end = Math.min(ops.size(), end - Math.max(0, quiet - CONTEXT));
            int oldStart = 1;
            int newStart = 1;
            for (int x = 0; x < start; x++) {
                oldStart += ops.get(x).startsWith("+") ? 0 : 1;
                newStart += ops.get(x).startsWith("-") ? 0 : 1;
            }
            int oldLen = 0;
            int newLen = 0;
            for (int x = start; x < end; x++) {
                oldLen += ops.get(x).startsWith("+") ? 0 : 1;
                newLen += ops.get(x).startsWith("-") ? 0 : 1;
            }
            out.append("@@ -").append(oldLen == 0 ? oldStart - 1 : oldStart).append(',').append(oldLen)
                    .append(" +").append(newLen == 0 ? newStart - 1 : newStart).append(',').append(newLen).append(" @@\n");
            for (int x = start; x < end; x++) {
                out.append(ops.get(x)).append('\n');
            }
            k = end;
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
