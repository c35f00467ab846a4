package org.datafirst.linkage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmTrainerTest {

    /** Pairs drawn from a known Fellegi–Sunter model, reduced to agreement-pattern counts. */
    static PatternCounts simulate(double lambda, double[][] m, double[][] u, int pairs, long seed) {
        Random rnd = new Random(seed);
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < pairs; i++) {
            boolean match = rnd.nextDouble() < lambda;
            StringBuilder key = new StringBuilder();
            for (int k = 0; k < m.length; k++) {
                double[] p = match ? m[k] : u[k];
                double x = rnd.nextDouble();
                int g = 0;
                while (g < p.length - 1 && x >= p[g]) {
                    x -= p[g];
                    g++;
                }
                key.append(g).append(',');
            }
            counts.merge(key.toString(), 1L, Long::sum);
        }
        int[][] pats = new int[counts.size()][];
        long[] c = new long[counts.size()];
        int i = 0;
        for (var e : counts.entrySet()) {
            String[] parts = e.getKey().split(",");
            pats[i] = new int[parts.length];
            for (int k = 0; k < parts.length; k++) {
                pats[i][k] = Integer.parseInt(parts[k]);
            }
            c[i++] = e.getValue();
        }
        return new PatternCounts(pats, c);
    }

    @Test
    void recoversKnownMAndLambdaFromGeneratedPatterns() {
        // Given a model with 4 comparisons (gamma 0 = disagree ... top = agree)
        double lambda = 0.2;
        double[][] m = {{0.05, 0.15, 0.8}, {0.1, 0.9}, {0.02, 0.08, 0.9}, {0.3, 0.7}};
        double[][] u = {{0.9, 0.07, 0.03}, {0.8, 0.2}, {0.95, 0.04, 0.01}, {0.5, 0.5}};
        PatternCounts data = simulate(lambda, m, u, 400_000, 7);
        assertThat(data.size()).isLessThanOrEqualTo(3 * 2 * 3 * 2);
        double[][] start = new double[4][];
        for (int k = 0; k < 4; k++) {
            start[k] = EmTrainer.initialM(m[k].length);
        }
        // When EM runs with u fixed
        EmTrainer.Result r = EmTrainer.run(data, start, u, new boolean[4], 0.5, 500, 1e-9);
        // Then m and lambda come back
        assertThat(r.converged()).isTrue();
        assertThat(r.lambda()).isCloseTo(lambda, offset(0.01));
        for (int k = 0; k < 4; k++) {
            for (int g = 0; g < m[k].length; g++) {
                assertThat(r.m()[k][g]).as("m[%d][%d]", k, g).isCloseTo(m[k][g], offset(0.02));
            }
        }
    }

    @Test
    void fixedComparisonsKeepTheirStartingValues() {
        double[][] m = {{0.1, 0.9}, {0.2, 0.8}};
        double[][] u = {{0.9, 0.1}, {0.7, 0.3}};
        PatternCounts data = simulate(0.3, m, u, 50_000, 3);
        double[][] start = {{0.5, 0.5}, EmTrainer.initialM(2)};
        EmTrainer.Result r = EmTrainer.run(data, start, u, new boolean[] {true, false}, 0.5, 500, 1e-9);
        assertThat(r.m()[0]).containsExactly(0.5, 0.5);
        assertThat(r.m()[1][1]).isCloseTo(0.8, offset(0.1));
    }

    @Test
    void nullGammaIsIgnored() {
        PatternCounts data = new PatternCounts(new int[][] {{1, -1}, {0, -1}}, new long[] {10, 90});
        double[][] u = {{0.9, 0.1}, {0.5, 0.5}};
        EmTrainer.Result r =
                EmTrainer.run(data, new double[][] {{0.2, 0.8}, {0.3, 0.7}}, u, new boolean[2], 0.1, 100, 1e-12);
        assertThat(r.m()[1]).containsExactly(0.3, 0.7); // never observed, so unchanged
    }
}
