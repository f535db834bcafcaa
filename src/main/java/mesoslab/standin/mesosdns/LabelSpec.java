package mesoslab.standin.mesosdns;

import java.util.ArrayList;
import java.util.List;

/**
 * Mesos-DNS's two ways of turning a free-form name into one DNS label: RFC 1123 (the default) and
 * the stricter RFC 952 ({@code EnforceRFC952}). Lower-case; {@code [a-z0-9]} kept; {@code - . _}
 * become {@code -}; everything else dropped; then cut to the maximum length with the forbidden
 * leading and trailing characters trimmed the way Mesos-DNS trims them (the cut can pull in
 * characters after the trimmed dashes, so {@code hello----...----f} becomes {@code hellof}).
 */
public enum LabelSpec {
    RFC1123(63, "-"),
    RFC952(24, "-0123456789");

    private final int maxLength;
    private final String leftCut;

    LabelSpec(int maxLength, String leftCut) {
        this.maxLength = maxLength;
        this.leftCut = leftCut;
    }

    /** The label for {@code name}; may be empty when nothing usable is left. */
    public String label(String name) {
        StringBuilder mapped = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                mapped.append((char) (c - 'A' + 'a'));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                mapped.append(c);
            } else if (c == '-' || c == '.' || c == '_') {
                mapped.append('-');
            }
        }
        return trimCut(mapped.toString());
    }

    /**
     * Sanitises each {@code .}-separated part of {@code name} and drops parts that become empty:
     * how framework names (and non-IP agent hosts) keep their dots.
     */
    public String domainFragment(String name) {
        List<String> labels = new ArrayList<>();
        for (String part : name.split("\\.", -1)) {
            String label = label(part);
            if (!label.isEmpty()) {
                labels.add(label);
            }
        }
        return String.join(".", labels);
    }

    private String trimCut(String label) {
        String trimmed = trimLeft(label, leftCut);
        int size = Math.min(trimmed.length(), maxLength);
        String head = trimRight(trimmed.substring(0, size), "-");
        if (head.length() == size) {
            return head;
        }
        String tail = trimLeft(trimmed.substring(size), "-");
        return head + tail.substring(0, Math.min(tail.length(), size - head.length()));
    }

    private static String trimLeft(String s, String cut) {
        int i = 0;
        while (i < s.length() && cut.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }

    private static String trimRight(String s, String cut) {
        int end = s.length();
        while (end > 0 && cut.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }
}
