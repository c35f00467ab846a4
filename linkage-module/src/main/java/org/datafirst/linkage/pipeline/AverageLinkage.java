package org.datafirst.linkage.pipeline;

/**
 * Average-linkage agglomerative clustering of one candidate component, where every pair of its records
 * has been scored: two clusters merge while the mean match probability over all pairs across them is
 * at least the threshold, and never when any pair across them is cannot-link. Unlike connected
 * components, one strong edge cannot pull in a record that disagrees with the rest of the cluster,
 * so people are not chained together through a shared relative, twin or common name.
 *
 * <p>The merges are found with the nearest-neighbour chain algorithm (average linkage is reducible),
 * so a component of n records costs O(n²) time and memory. Pairs that carry no evidence (in link_only,
 * two records of one source dataset) are left out of the means. Ties are broken by the lower index, so
 * the result is deterministic.
 */
final class AverageLinkage {

    private final int n;
    private final double[] sum;
    private final int[] count;
    private final boolean[] cannot;

    /** A component of {@code n} records, indexed 0..n-1; every pair starts with no evidence. */
    AverageLinkage(int n) {
        this.n = n;
        this.sum = new double[n * n];
        this.count = new int[n * n];
        this.cannot = new boolean[n * n];
    }

    /** The scored pair (i, j) with its match probability; {@code cannotLink} forbids a cluster holding both. */
    void pair(int i, int j, double probability, boolean cannotLink) {
        sum[i * n + j] = sum[j * n + i] = probability;
        count[i * n + j] = count[j * n + i] = 1;
        cannot[i * n + j] = cannot[j * n + i] = cannotLink;
    }

    /**
     * Evidence between two items that stand for several records each (e.g. an existing person whose records
     * must stay together): {@code count} scored record pairs across them with probabilities adding up to
     * {@code sum}, so means stay means over record pairs.
     */
    void evidence(int i, int j, double probabilitySum, int pairs, boolean cannotLink) {
        sum[i * n + j] = sum[j * n + i] = probabilitySum;
        count[i * n + j] = count[j * n + i] = pairs;
        cannot[i * n + j] = cannot[j * n + i] = cannotLink;
    }

    private double similarity(int a, int b) {
        int k = a * n + b;
        return cannot[k] || count[k] == 0 ? Double.NEGATIVE_INFINITY : sum[k] / count[k];
    }

    /** The clustering at {@code threshold}: for each record, the smallest index of its cluster. */
    int[] cluster(double threshold) {
        int[] parent = new int[n];
        boolean[] active = new boolean[n];
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            active[i] = true;
        }
        int[] chain = new int[n];
        int top = 0;
        int next = 0;
        while (true) {
            if (top == 0) {
                while (next < n && (!active[next] || done[next])) {
                    next++;
                }
                if (next == n) {
                    break;
                }
                chain[top++] = next;
            }
            int a = chain[top - 1];
            int previous = top >= 2 ? chain[top - 2] : -1;
            int b = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                if (c == a || !active[c] || done[c]) {
                    continue;
                }
                double s = similarity(a, c);
                if (s > best || (s == best && c == previous)) {
                    best = s;
                    b = c;
                }
            }
            if (b < 0 || best < threshold) {
                // a's best similarity never rises when other clusters merge (a mean never exceeds its largest
                // part), so a is final
                done[a] = true;
                top--;
            } else if (b == previous) {
                top -= 2;
                merge(Math.min(a, b), Math.max(a, b), parent, active);
            } else {
                chain[top++] = b;
            }
        }
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            int r = i;
            while (parent[r] != r) {
                r = parent[r];
            }
            root[i] = r;
        }
        return root;
    }

    private void merge(int keep, int drop, int[] parent, boolean[] active) {
        for (int c = 0; c < n; c++) {
            if (!active[c] || c == keep || c == drop) {
                continue;
            }
            int kc = keep * n + c;
            int dc = drop * n + c;
            sum[kc] += sum[dc];
            count[kc] += count[dc];
            cannot[kc] |= cannot[dc];
            sum[c * n + keep] = sum[kc];
            count[c * n + keep] = count[kc];
            cannot[c * n + keep] = cannot[kc];
        }
        active[drop] = false;
        parent[drop] = keep;
    }
}
