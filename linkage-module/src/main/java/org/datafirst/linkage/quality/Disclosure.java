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
     * add up to it. Small counts are suppressed; then, while a small suppressed count can still be worked out
     * from the totals and the published cells (any linear combination of the totals, not only one total
     * minus its other cells), or the suppressed cells of one total add up to a small count, the smallest
     * published non-zero cell (a zero when none is left) is suppressed too. A total that is itself small is suppressed wherever it is
     * published, so it ties nothing.
     */
    public ObjectNode linked(java.util.Map<String, Long> cells, java.util.List<java.util.List<String>> totals) {
        java.util.List<String> names = new java.util.ArrayList<>(cells.keySet());
        java.util.Set<String> hidden = new java.util.LinkedHashSet<>();
        for (var e : cells.entrySet()) {
            if (isSmall(e.getValue())) {
                hidden.add(e.getKey());
            }
        }
        while (!hidden.isEmpty() && leaks(cells, totals, hidden)) {
            // the smallest published cell; a zero only when no other is left (a known zero ties the rest tighter)
            String next = null;
            for (String name : names) {
                long v = cells.get(name);
                if (!hidden.contains(name)
                        && (next == null || (v > 0 ? cells.get(next) == 0 || v < cells.get(next) : false))) {
                    next = name;
                }
            }
            if (next == null) {
                break;
            }
            hidden.add(next);
        }
        ObjectNode out = f.objectNode();
        for (String name : names) {
            long v = cells.get(name);
            out.set(
                    name,
                    !hidden.contains(name)
                            ? f.numberNode(v)
                            : isSmall(v) ? suppressed(SMALL_COUNT + minimum) : suppressed(DERIVED + minimum));
        }
        return out;
    }

    /** Whether the totals give back a small hidden count, or a small sum of one total's hidden cells. */
    private boolean leaks(
            java.util.Map<String, Long> cells,
            java.util.List<java.util.List<String>> totals,
            java.util.Set<String> hidden) {
        java.util.List<String> unknown = new java.util.ArrayList<>(hidden);
        double[][] rows = new double[totals.size()][unknown.size()];
        for (int t = 0; t < totals.size(); t++) {
            if (isSmall(totals.get(t).stream().mapToLong(cells::get).sum())) {
                continue;
            }
            long sum = 0;
            for (String name : totals.get(t)) {
                int k = unknown.indexOf(name);
                if (k >= 0) {
                    rows[t][k] = 1;
                    sum += cells.get(name);
                }
            }
            if (isSmall(sum)) {
                return true;
            }
        }
        int rank = rank(rows);
        for (int k = 0; k < unknown.size(); k++) {
            if (isSmall(cells.get(unknown.get(k)))) {
                double[][] with = java.util.Arrays.copyOf(rows, rows.length + 1);
                with[rows.length] = new double[unknown.size()];
                with[rows.length][k] = 1;
                if (rank(with) == rank) {
                    return true; // the cell is a combination of the totals: it can be worked out
                }
            }
        }
        return false;
    }

    /** Rank of a small matrix by Gaussian elimination (entries are small integers). */
    static int rank(double[][] matrix) {
        double[][] m = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            m[i] = matrix[i].clone();
        }
        int rank = 0;
        int cols = m.length == 0 ? 0 : m[0].length;
        for (int c = 0; c < cols && rank < m.length; c++) {
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
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][c]) > 1e-9) {
                    double factor = m[r][c] / m[rank][c];
                    for (int k = c; k < cols; k++) {
                        m[r][k] -= factor * m[rank][k];
                    }
                }
            }
            rank++;
        }
        return rank;
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
