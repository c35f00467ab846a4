package org.datafirst.linkage.quality;

/**
 * Pairwise precision, recall and F1 at one threshold, with 95% intervals: Wilson score intervals
 * for precision (TP of TP+FP) and recall (TP of TP+FN); for F1 the delta method on the Jaccard
 * index J = TP/(TP+FP+FN), since F1 = 2J/(1+J): se(F1) = 2/(1+J)² · sqrt(J(1−J)/(TP+FP+FN)).
 */
public record Metrics(
        double threshold,
        long tp,
        long fp,
        long fn,
        double precision,
        double[] precisionCi,
        double recall,
        double[] recallCi,
        double f1,
        double[] f1Ci) {

    static final double Z = 1.959963984540054;

    public static Metrics of(double threshold, long tp, long fp, long fn) {
        double p = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        long n = tp + fp + fn;
        double[] f1Ci;
        if (n == 0) {
            f1Ci = new double[] {0, 1};
        } else {
            double j = (double) tp / n;
            double se = 2 / Math.pow(1 + j, 2) * Math.sqrt(j * (1 - j) / n);
            f1Ci = new double[] {Math.max(0, f1 - Z * se), Math.min(1, f1 + Z * se)};
        }
        return new Metrics(threshold, tp, fp, fn, p, wilson(tp, tp + fp), r, wilson(tp, tp + fn), f1, f1Ci);
    }

    /** Wilson score interval for x successes in n trials. */
    public static double[] wilson(long x, long n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double p = (double) x / n;
        double z2 = Z * Z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
