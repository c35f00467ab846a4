package org.datafirst.linkage.pipeline;

/**
 * Expectation–maximisation for m (and the session's λ) on agreement-pattern counts, with u fixed
 * (estimated by random sampling). Comparisons marked {@code fixed} are left out of the likelihood:
 * they are the ones the training blocking rule reads, whose agreement the blocking forces.
 * An iteration is O(patterns × comparisons): microseconds.
 */
public final class EmTrainer {

    private EmTrainer() {}

    public record Result(double[][] m, double lambda, int iterations, boolean converged) {}

    public static Result run(
            PatternCounts data,
            double[][] mStart,
            double[][] u,
            boolean[] fixed,
            double lambdaStart,
            int maxIterations,
            double tolerance) {
        int nComp = u.length;
        double[][] m = new double[nComp][];
        for (int k = 0; k < nComp; k++) {
            m[k] = mStart[k].clone();
        }
        double lambda = lambdaStart;
        int[][] pats = data.patterns();
        long[] counts = data.counts();
        for (int it = 1; it <= maxIterations; it++) {
            double[][] mSum = new double[nComp][];
            for (int k = 0; k < nComp; k++) {
                mSum[k] = new double[m[k].length];
            }
            double matchSum = 0;
            double total = 0;
            for (int p = 0; p < pats.length; p++) {
                double pm = lambda;
                double pu = 1 - lambda;
                for (int k = 0; k < nComp; k++) {
                    int g = pats[p][k];
                    if (g < 0 || fixed[k]) {
                        continue;
                    }
                    pm *= Math.max(m[k][g], LinkageModel.FLOOR);
                    pu *= Math.max(u[k][g], LinkageModel.FLOOR);
                }
                double post = pm / (pm + pu);
                double w = counts[p] * post;
                matchSum += w;
                total += counts[p];
                for (int k = 0; k < nComp; k++) {
                    int g = pats[p][k];
                    if (g >= 0 && !fixed[k]) {
                        mSum[k][g] += w;
                    }
                }
            }
            double maxChange = 0;
            double newLambda = matchSum / total;
            maxChange = Math.max(maxChange, Math.abs(newLambda - lambda));
            lambda = Math.min(Math.max(newLambda, 1e-12), 1 - 1e-12);
            for (int k = 0; k < nComp; k++) {
                if (fixed[k]) {
                    continue;
                }
                double s = 0;
                for (double v : mSum[k]) {
                    s += v;
                }
                if (s <= 0) {
                    continue;
                }
                for (int g = 0; g < m[k].length; g++) {
                    double nm = mSum[k][g] / s;
                    maxChange = Math.max(maxChange, Math.abs(nm - m[k][g]));
                    m[k][g] = nm;
                }
            }
            if (maxChange < tolerance) {
                return new Result(m, lambda, it, true);
            }
        }
        return new Result(m, lambda, maxIterations, false);
    }

    /** Starting m: heavily on the top level, falling by a factor 8 per level. */
    public static double[] initialM(int levels) {
        double[] m = new double[levels];
        double s = 0;
        for (int g = 0; g < levels; g++) {
            m[g] = Math.pow(8, g);
            s += m[g];
        }
        for (int g = 0; g < levels; g++) {
            m[g] /= s;
        }
        return m;
    }
}
