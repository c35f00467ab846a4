package org.datafirst.linkage.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Disclosure control for published figures. A count of 1 to {@code minimum - 1} people or pairs is
 * never published: it becomes {@code {"suppressed": true, "reason": "count below 10"}}. Zero is
 * published (it describes nobody). A rate is suppressed when its numerator, its complement
 * (denominator − numerator) or its denominator would be suppressed, because a published rate and a
 * published denominator give the small count back.
 */
public final class Disclosure {

    public static final String SMALL_COUNT = "count below ";
    public static final String DERIVED = "derived from a count below ";

    private final int minimum;
    private final JsonNodeFactory f = JsonNodeFactory.instance;

    public Disclosure(int minimum) {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum count must be at least 1");
        }
        this.minimum = minimum;
    }

    public int minimum() {
        return minimum;
    }

    public boolean isSmall(long count) {
        return count > 0 && count < minimum;
    }

    /** A count, or a suppression marker. */
    public JsonNode count(long n) {
        return isSmall(n) ? suppressed(SMALL_COUNT + minimum) : f.numberNode(n);
    }

    /** numerator / denominator, suppressed if any of numerator, complement or denominator is small. */
    public JsonNode rate(long numerator, long denominator) {
        if (isSmall(numerator) || isSmall(denominator - numerator) || isSmall(denominator)) {
            return suppressed(DERIVED + minimum);
        }
        if (denominator == 0) {
            return f.nullNode();
        }
        return f.numberNode(round((double) numerator / denominator, 6));
    }

    /**
     * Counts that add up to a known total (a distribution): the small ones are suppressed, then the
     * smallest of the others too until the suppressed cells together are not small, so the total minus
     * the published cells never gives a small count back.
     */
    public ObjectNode distribution(java.util.Map<String, Long> cells) {
        java.util.Set<String> hidden = new java.util.HashSet<>();
        long hiddenSum = 0;
        for (var e : cells.entrySet()) {
            if (isSmall(e.getValue())) {
                hidden.add(e.getKey());
                hiddenSum += e.getValue();
            }
        }
        while (isSmall(hiddenSum)) {
            String next = null;
            for (var e : cells.entrySet()) {
                if (e.getValue() > 0
                        && !hidden.contains(e.getKey())
                        && (next == null || e.getValue() < cells.get(next))) {
                    next = e.getKey();
                }
            }
            if (next == null) {
                break;
            }
            hidden.add(next);
            hiddenSum += cells.get(next);
        }
        ObjectNode out = f.objectNode();
        for (var e : cells.entrySet()) {
            out.set(
                    e.getKey(),
                    !hidden.contains(e.getKey())
                            ? f.numberNode(e.getValue())
                            : isSmall(e.getValue())
                                    ? suppressed(SMALL_COUNT + minimum)
                                    : suppressed(DERIVED + minimum));
        }
        return out;
    }

    /**
     * Counts tied together by several published totals, e.g. ids of this run = kept + kept after a merge or
     * split + new, and ids of the previous run (published last time) = kept + kept after a merge or split +
     * retired; together they also give new − retired. {@code totals} lists, for each total, the cells that
     * add up to it; the totals are published elsewhere (unless small), so they are never suppressed here. Small
     * counts are suppressed, then further cells by {@link #secondary}.
     */
    public ObjectNode linked(java.util.Map<String, Long> cells, java.util.List<java.util.List<String>> totals) {
        java.util.Map<String, Long> published = new java.util.LinkedHashMap<>();
        cells.forEach((name, v) -> {
            if (!isSmall(v)) {
                published.put(name, v);
            }
        });
        java.util.List<Sum<String>> sums = new java.util.ArrayList<>();
        java.util.Set<String> fixed = new java.util.HashSet<>();
        for (int t = 0; t < totals.size(); t++) {
            String total = "\u0000total " + t;
            long sum = totals.get(t).stream().mapToLong(cells::get).sum();
            if (!isSmall(sum)) { // a small total is suppressed wherever it is published, so it ties nothing
                published.put(total, sum);
            }
            fixed.add(total);
            sums.add(new Sum<>(total, totals.get(t)));
        }
        java.util.Set<String> more = secondary(published, sums, fixed);
        ObjectNode out = f.objectNode();
        cells.forEach((name, v) -> out.set(
                name,
                isSmall(v)
                        ? suppressed(SMALL_COUNT + minimum)
                        : more.contains(name) ? suppressed(DERIVED + minimum) : f.numberNode(v)));
        return out;
    }

    /** Published figures that add up: {@code total} = the sum of {@code parts}. */
    public record Sum<K>(K total, java.util.List<K> parts) {}

    /**
     * Secondary suppression against arithmetic, the one implementation for every report section. The figures are
     * keys; {@code published} holds the value of each figure published so far, and every other figure the sums name
     * is unknown to a reader (suppressed already, or never published — e.g. records minus linked records, written
     * as a sum {@code records = linked + unlinked}). Figures are suppressed, smallest first, until no unknown figure
     * whose value is 1 to {@code minimum - 1} is a linear combination of the published ones through the sums (any
     * combination, not only one sum minus its other parts), and the unknown parts of no sum add up to such a value
     * either. Candidates come from the sums linked to the leak through unknown figures (the others cannot change
     * what is known of it): the smallest non-zero part, then a zero part (a known zero ties the rest tighter), then
     * a total; never a figure of {@code fixed} (published elsewhere). When only fixed figures are left to suppress it
     * stops: the figures published elsewhere give the count away, not this section.
     *
     * @return the published figures to suppress as well
     */
    public <K> java.util.Set<K> secondary(
            java.util.Map<K, Long> published, java.util.List<Sum<K>> sums, java.util.Set<K> fixed) {
        java.util.Map<K, Long> known = new java.util.HashMap<>(published);
        java.util.Set<K> hidden = new java.util.LinkedHashSet<>();
        for (java.util.Set<Integer> leak; (leak = leak(known, sums)) != null; ) {
            K next = null;
            int nextRank = Integer.MAX_VALUE;
            for (int s : leak) {
                Sum<K> sum = sums.get(s);
                java.util.List<K> cells = new java.util.ArrayList<>(sum.parts());
                cells.add(sum.total());
                for (K k : cells) {
                    if (!known.containsKey(k) || fixed.contains(k)) {
                        continue;
                    }
                    boolean part = isPart(k, leak, sums);
                    long v = known.get(k);
                    int rank = part ? (v > 0 ? 0 : 1) : (v > 0 ? 2 : 3);
                    if (rank < nextRank || rank == nextRank && v < known.get(next)) {
                        next = k;
                        nextRank = rank;
                    }
                }
            }
            if (next == null) {
                break;
            }
            known.remove(next);
            hidden.add(next);
        }
        return hidden;
    }

    private static <K> boolean isPart(K k, java.util.Set<Integer> among, java.util.List<Sum<K>> sums) {
        return among.stream().anyMatch(s -> sums.get(s).parts().contains(k));
    }

    /**
     * The sums linked (through unknown figures) to a small value the published figures give back, or null when they
     * give none back. The sums are solved for the unknown figures by Gauss–Jordan elimination: an unknown is given back
     * when a reduced row holds it alone; the unknown parts of a sum together when their sum reduces to zero against the rows.
     */
    private <K> java.util.Set<Integer> leak(java.util.Map<K, Long> known, java.util.List<Sum<K>> sums) {
        java.util.Map<K, Integer> column = new java.util.LinkedHashMap<>();
        java.util.List<Integer> rowsOf = new java.util.ArrayList<>();
        for (int s = 0; s < sums.size(); s++) {
            boolean any = false;
            for (K k : cellsOf(sums.get(s))) {
                if (!known.containsKey(k)) {
                    column.putIfAbsent(k, column.size());
                    any = true;
                }
            }
            if (any) {
                rowsOf.add(s);
            }
        }
        if (column.isEmpty()) {
            return null;
        }
        int n = column.size();
        double[][] m = new double[rowsOf.size()][n + 1];
        for (int r = 0; r < rowsOf.size(); r++) {
            Sum<K> sum = sums.get(rowsOf.get(r));
            // total - parts = 0: unknowns on the left, published figures on the right
            add(m[r], column, known, sum.total(), 1);
            for (K p : sum.parts()) {
                add(m[r], column, known, p, -1);
            }
        }
        int[] pivotOf = gaussJordan(m, n);
        for (int r = 0; r < pivotOf.length; r++) {
            int c = pivotOf[r];
            if (c >= 0 && onlyEntry(m[r], c, n) && isSmall(Math.round(m[r][n]))) {
                K k = column.entrySet().stream()
                        .filter(e -> e.getValue() == c)
                        .findFirst()
                        .orElseThrow()
                        .getKey();
                return component(k, known, sums);
            }
        }
        for (int s : rowsOf) {
            double[] v = new double[n];
            int unknownParts = 0;
            K any = null;
            for (K p : sums.get(s).parts()) {
                if (!known.containsKey(p)) {
                    v[column.get(p)] = 1;
                    unknownParts++;
                    any = p;
                }
            }
            if (unknownParts < 2) {
                continue;
            }
            double value = 0;
            for (int r = 0; r < pivotOf.length; r++) {
                int c = pivotOf[r];
                if (c >= 0 && Math.abs(v[c]) > 1e-9) {
                    double factor = v[c];
                    for (int k = 0; k < n; k++) {
                        v[k] -= factor * m[r][k];
                    }
                    value += factor * m[r][n];
                }
            }
            if (java.util.Arrays.stream(v).allMatch(x -> Math.abs(x) < 1e-9) && isSmall(Math.round(value))) {
                return component(any, known, sums);
            }
        }
        return null;
    }

    private static <K> java.util.List<K> cellsOf(Sum<K> sum) {
        java.util.List<K> cells = new java.util.ArrayList<>(sum.parts());
        cells.add(sum.total());
        return cells;
    }

    private static <K> void add(
            double[] row, java.util.Map<K, Integer> column, java.util.Map<K, Long> known, K cell, int sign) {
        Long v = known.get(cell);
        if (v == null) {
            row[column.get(cell)] += sign;
        } else {
            row[row.length - 1] -= sign * (double) v;
        }
    }

    private static boolean onlyEntry(double[] row, int c, int n) {
        for (int k = 0; k < n; k++) {
            if (k != c && Math.abs(row[k]) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    /** The sums reachable from {@code start} through unknown figures. */
    private static <K> java.util.Set<Integer> component(
            K start, java.util.Map<K, Long> known, java.util.List<Sum<K>> sums) {
        java.util.Set<Integer> found = new java.util.LinkedHashSet<>();
        java.util.Set<K> seen = new java.util.HashSet<>(java.util.List.of(start));
        java.util.ArrayDeque<K> todo = new java.util.ArrayDeque<>(java.util.List.of(start));
        while (!todo.isEmpty()) {
            K k = todo.poll();
            for (int s = 0; s < sums.size(); s++) {
                java.util.List<K> cells = cellsOf(sums.get(s));
                if (cells.contains(k) && found.add(s)) {
                    for (K other : cells) {
                        if (!known.containsKey(other) && seen.add(other)) {
                            todo.add(other);
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * Reduces {@code m} (n unknowns, then the right-hand side) to reduced row echelon form in place; returns each
     * row's pivot column (-1 for a row left without one).
     */
    private static int[] gaussJordan(double[][] m, int n) {
        int[] pivotOf = new int[m.length];
        java.util.Arrays.fill(pivotOf, -1);
        int rank = 0;
        for (int c = 0; c < n && rank < m.length; c++) {
            int pivot = -1;
            for (int r = rank; r < m.length; r++) {
                if (Math.abs(m[r][c]) > 1e-9 && (pivot < 0 || Math.abs(m[r][c]) > Math.abs(m[pivot][c]))) {
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] t = m[pivot];
            m[pivot] = m[rank];
            m[rank] = t;
            double p = m[rank][c];
            for (int k = c; k <= n; k++) {
                m[rank][k] /= p;
            }
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][c]) > 1e-9) {
                    double factor = m[r][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= factor * m[rank][k];
                    }
                }
            }
            pivotOf[rank++] = c;
        }
        return pivotOf;
    }

    /** A model-based figure (e.g. expected false matches) resting on {@code basisCount} pairs. */
    public JsonNode estimate(double value, long basisCount) {
        if (isSmall(basisCount)) {
            return suppressed(DERIVED + minimum);
        }
        return f.numberNode(round(value, 3));
    }

    public ObjectNode suppressed(String reason) {
        ObjectNode o = f.objectNode();
        o.put("suppressed", true);
        o.put("reason", reason);
        return o;
    }

    static double round(double v, int places) {
        double s = Math.pow(10, places);
        return Math.round(v * s) / s;
    }
}
