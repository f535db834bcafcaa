package mesoslab.inventory;

/** Python's fnmatch rules as a Java regex: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}. */
final class Glob {
    private Glob() {}

    static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i++);
            if (c == '*') {
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && glob.charAt(j) == '!') {
                    j++;
                }
                if (j < n && glob.charAt(j) == ']') {
                    j++;
                }
                while (j < n && glob.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    out.append("\\[");
                } else {
                    String stuff = glob.substring(i, j).replace("\\", "\\\\");
                    i = j + 1;
                    if (stuff.startsWith("!")) {
                        stuff = "^" + stuff.substring(1);
                    } else if (stuff.startsWith("^")) {
                        stuff = "\\" + stuff;
                    }
                    out.append('[').append(stuff.replace("[", "\\[").replace("&&", "\\&\\&")).append(']');
                }
            } else {
                out.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return "(?s:" + out + ")";
    }
}
