package org.datafirst.catalogue.linkagequality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datafirst.catalogue.problem.ProblemError;

/**
 * Differencing attacks on a report, tried by the catalogue before it stores it: a count suppressed by the
 * linkage module (or never published, such as the records of a group without duplicates) must not be
 * computable from the published figures. The figures are tied by the sums of {@link ReportRelations}
 * (roles add up to their dataset, datasets to the whole, complements, histogram bins to the scored pairs,
 * size bands to the clusters, true positives plus false negatives to the true pairs, one threshold to the
 * next) and by rates (a rate and its published denominator give its numerator back, a rate and its
 * numerator its denominator). Every unknown figure the published ones determine, by any linear combination
 * of the sums (Gauss–Jordan elimination) after every rate has given what it can, is worked out; one from 1
 * to {@code minimum - 1}, alone or as the sum of the unknown parts of one sum, is a leak and refuses the
 * report. So does a rate published beside a suppressed numerator or denominator.
 *
 * <p>The same relations drive the linkage module's secondary suppression ({@code ReportSums} with
 * {@code Disclosure.secondary}), so what the module publishes passes here.
 */
final class DifferencingCheck {

    private static final double EPS = 1e-6;

    private DifferencingCheck() {}

    static List<ProblemError> check(JsonNode report, int minimum, String location) {
        ReportRelations r = ReportRelations.of(report);
        List<ProblemError> errors = new ArrayList<>();
        for (ReportRelations.Derived d : r.derived()) {
            d.from().stream()
                    .filter(r.suppressed()::contains)
                    .findFirst()
                    .filter(figure -> d.published())
                    .ifPresent(figure -> errors.add(new ProblemError(
                            location,
                            d.pointer(),
                            "is published but is derived from " + figure
                                    + ", which is suppressed: a figure derived from a suppressed count must be suppressed"
                                    + " too")));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Map<String, Long> known = new HashMap<>(r.published());
        Set<String> reported = new LinkedHashSet<>();
        boolean changed = true;
        while (changed) {
            changed = ratesGiveBack(r.rates(), known);
            Solution s = solve(known, r.sums());
            for (var e : s.determined().entrySet()) {
                known.put(e.getKey(), e.getValue());
                changed = true;
            }
        }
        for (var e : known.entrySet()) {
            if (!r.published().containsKey(e.getKey()) && isSmall(e.getValue(), minimum)) {
                String pointer = r.pointerOf(e.getKey());
                if (reported.add(pointer)) {
                    errors.add(new ProblemError(location, pointer, leak(r, e.getKey(), e.getValue(), minimum)));
                }
            }
        }
        for (ReportRelations.Sum sum : r.sums()) {
            List<String> unknownParts =
                    sum.parts().stream().filter(p -> !known.containsKey(p)).toList();
            if (unknownParts.size() < 2) {
                continue;
            }
            Long together = solve(known, r.sums()).combination(unknownParts);
            if (together != null && isSmall(together, minimum)) {
                String pointer = r.pointerOf(unknownParts.get(0));
                if (reported.add(pointer)) {
                    errors.add(new ProblemError(
                            location,
                            pointer,
                            "with " + String.join(", ", unknownParts.subList(1, unknownParts.size()))
                                    + " adds up to " + together + " (worked out from " + sum.total()
                                    + " and the published figures), below " + minimum
                                    + ": suppress another figure of this sum as well"));
                }
            }
        }
        return errors;
    }

    private static String leak(ReportRelations r, String figure, long value, int minimum) {
        String what = r.describe(figure);
        return what + " can be worked out from the published figures as " + value + ", below " + minimum
                + ": suppress enough further figures (secondary suppression) that it cannot";
    }

    static boolean isSmall(long v, int minimum) {
        return v > 0 && v < minimum;
    }

    /** Numerators from published rates and denominators and back, where exactly one whole number fits. */
    private static boolean ratesGiveBack(List<ReportRelations.Rate> rates, Map<String, Long> known) {
        boolean changed = false;
        for (ReportRelations.Rate rate : rates) {
            Long num = known.get(rate.numerator());
            Long den = known.get(rate.denominator());
            if (num == null && den != null && den > 0) {
                long n = Math.round(rate.value() * den);
                if (rounds(n, den, rate.value())
                        && !rounds(n - 1, den, rate.value())
                        && !rounds(n + 1, den, rate.value())) {
                    known.put(rate.numerator(), n);
                    changed = true;
                }
            } else if (den == null && num != null && num > 0 && rate.value() > 0) {
                long d = Math.round(num / rate.value());
                if (rounds(num, d, rate.value())
                        && !rounds(num, d - 1, rate.value())
                        && !rounds(num, d + 1, rate.value())) {
                    known.put(rate.denominator(), d);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** Whether num / den, rounded to 6 places as the module rounds rates, is the published rate. */
    private static boolean rounds(long num, long den, double rate) {
        return den > 0 && num >= 0 && num <= den && Math.abs(Math.round((double) num / den * 1e6) / 1e6 - rate) < 1e-9;
    }

    /** The sums solved for their unknown figures: reduced rows, and the unknowns each row fixes alone. */
    private record Solution(Map<String, Integer> column, double[][] rows, int[] pivotOf, Map<String, Long> determined) {

        /** The value of the sum of {@code figures} when the rows determine it, else null. */
        Long combination(List<String> figures) {
            int n = column.size();
            double[] v = new double[n];
            for (String f : figures) {
                Integer c = column.get(f);
                if (c == null) {
                    return null;
                }
                v[c] += 1;
            }
            double value = 0;
            for (int r = 0; r < pivotOf.length; r++) {
                int c = pivotOf[r];
                if (c >= 0 && Math.abs(v[c]) > EPS) {
                    double factor = v[c];
                    for (int k = 0; k < n; k++) {
                        v[k] -= factor * rows[r][k];
                    }
                    value += factor * rows[r][n];
                }
            }
            for (double x : v) {
                if (Math.abs(x) > EPS) {
                    return null;
                }
            }
            return Math.round(value);
        }
    }

    private static Solution solve(Map<String, Long> known, List<ReportRelations.Sum> sums) {
        Map<String, Integer> column = new LinkedHashMap<>();
        List<ReportRelations.Sum> open = new ArrayList<>();
        for (ReportRelations.Sum sum : sums) {
            boolean any = false;
            for (String f : sum.figures()) {
                if (!known.containsKey(f)) {
                    column.putIfAbsent(f, column.size());
                    any = true;
                }
            }
            if (any) {
                open.add(sum);
            }
        }
        int n = column.size();
        double[][] m = new double[open.size()][n + 1];
        for (int r = 0; r < open.size(); r++) {
            // total - parts = 0: unknowns on the left, published figures on the right
            put(m[r], column, known, open.get(r).total(), 1);
            for (String p : open.get(r).parts()) {
                put(m[r], column, known, p, -1);
            }
        }
        int[] pivotOf = gaussJordan(m, n);
        Map<String, Long> determined = new LinkedHashMap<>();
        for (int r = 0; r < pivotOf.length; r++) {
            int c = pivotOf[r];
            if (c >= 0 && onlyEntry(m[r], c, n)) {
                long value = Math.round(m[r][n]);
                column.forEach((f, i) -> {
                    if (i == c) {
                        determined.put(f, value);
                    }
                });
            }
        }
        return new Solution(column, m, pivotOf, determined);
    }

    private static void put(double[] row, Map<String, Integer> column, Map<String, Long> known, String f, int sign) {
        Long v = known.get(f);
        if (v == null) {
            row[column.get(f)] += sign;
        } else {
            row[row.length - 1] -= sign * (double) v;
        }
    }

    private static boolean onlyEntry(double[] row, int c, int n) {
        for (int k = 0; k < n; k++) {
            if (k != c && Math.abs(row[k]) > EPS) {
                return false;
            }
        }
        return true;
    }

    /** Reduces {@code m} (n unknowns, then the right-hand side) in place; returns each row's pivot column or -1. */
    private static int[] gaussJordan(double[][] m, int n) {
        int[] pivotOf = new int[m.length];
        java.util.Arrays.fill(pivotOf, -1);
        int rank = 0;
        for (int c = 0; c < n && rank < m.length; c++) {
            int pivot = -1;
            for (int r = rank; r < m.length; r++) {
                if (Math.abs(m[r][c]) > EPS && (pivot < 0 || Math.abs(m[r][c]) > Math.abs(m[pivot][c]))) {
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
                if (r != rank && Math.abs(m[r][c]) > EPS) {
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
}
