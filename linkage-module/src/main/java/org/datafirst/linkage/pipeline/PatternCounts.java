package org.datafirst.linkage.pipeline;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.datafirst.linkage.engine.Engine;

/**
 * Agreement patterns (distinct gamma vectors) and how many pairs have each: the small table EM runs
 * on. For k comparisons with a few levels each there are at most a few hundred rows, however many
 * pairs there are.
 */
public record PatternCounts(int[][] patterns, long[] counts) {
    public PatternCounts {
        if (patterns.length != counts.length) {
            throw new IllegalArgumentException("patterns and counts differ in length");
        }
    }

    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    public int size() {
        return counts.length;
    }

    /**
     * {@code SELECT gamma..., count(*) FROM (<pairsWithGammas>) GROUP BY ALL}, the patterns in ascending order:
     * EM adds over them in this order, and floating-point sums taken in another order (a parallel GROUP BY
     * returns its groups in any order) differ in the last bits, which moves a pair at the threshold from run
     * to run.
     */
    public static PatternCounts query(Engine db, String gammaColumns, int comparisons, String source) {
        String ascending = IntStream.rangeClosed(1, comparisons)
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        List<List<Object>> rows = db.query(
                "SELECT " + gammaColumns + ", count(*) FROM (" + source + ") GROUP BY ALL ORDER BY " + ascending);
        int[][] pats = new int[rows.size()][comparisons];
        long[] counts = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < comparisons; k++) {
                pats[i][k] = ((Number) rows.get(i).get(k)).intValue();
            }
            counts[i] = ((Number) rows.get(i).get(comparisons)).longValue();
        }
        return new PatternCounts(pats, counts);
    }
}
