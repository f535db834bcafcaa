package mesoslab.playbook;

import java.util.List;

/**
 * A play's {@code serial}: batch sizes, each a number of hosts or a percentage. The last size
 * repeats until every host is done. Empty means all hosts at once.
 */
public record Serial(List<String> sizes) {
    public static final Serial ALL = new Serial(List.of());

    /** Splits {@code hostCount} hosts into batch sizes. */
    public List<Integer> batches(int hostCount) {
        java.util.ArrayList<Integer> batches = new java.util.ArrayList<>();
        if (sizes.isEmpty()) {
            batches.add(hostCount);
            return batches;
        }
        int done = 0;
        int i = 0;
        while (done < hostCount) {
            String size = sizes.get(Math.min(i++, sizes.size() - 1));
            int n = size.endsWith("%")
                    ? Math.max(1, (int) Math.floor(hostCount * Double.parseDouble(size.substring(0, size.length() - 1)) / 100.0))
                    : Integer.parseInt(size);
            n = Math.max(1, Math.min(n, hostCount - done));
            batches.add(n);
            done += n;
        }
        return batches;
    }
}
