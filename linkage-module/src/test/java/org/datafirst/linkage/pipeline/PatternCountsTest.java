package org.datafirst.linkage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.engine.Engine;
import org.junit.jupiter.api.Test;

class PatternCountsTest {

    /**
     * EM adds over the patterns in the order they come, so the order must not depend on how a parallel
     * GROUP BY happened to finish: the same pairs must give the same parameters to the last bit.
     */
    @Test
    void patternsComeInAscendingOrderWithTheirCounts() {
        try (Engine db = TestDb.open()) {
            db.execute("SET threads = 4");
            // eight comparisons, as a real model has: too many possible patterns for a perfect hash, so the
            // groups come out of a parallel hash table
            String gammas = IntStream.range(0, 8)
                    .mapToObj(k -> "(hash(i * " + (2 * k + 3) + ") % 5)::INT - 1 AS g" + k)
                    .collect(Collectors.joining(", "));
            db.createTable("pairs", "SELECT " + gammas + " FROM range(300000) t(i)");
            String columns = "g0, g1, g2, g3, g4, g5, g6, g7";
            Map<String, Long> expected = new HashMap<>();
            db.forEachRow("SELECT " + columns + " FROM pairs", r -> expected.merge(key(r), 1L, Long::sum));

            PatternCounts counts = PatternCounts.query(db, columns, 8, "SELECT * FROM pairs");

            assertThat(counts.size()).isEqualTo(expected.size()).isGreaterThan(1000);
            for (int p = 0; p < counts.size(); p++) {
                int[] pattern = counts.patterns()[p];
                assertThat(counts.counts()[p]).isEqualTo(expected.get(Arrays.toString(pattern)));
                if (p > 0) {
                    assertThat(Arrays.compare(counts.patterns()[p - 1], pattern))
                            .as(p + " " + Arrays.toString(counts.patterns()[p - 1]) + " then "
                                    + Arrays.toString(pattern))
                            .isNegative();
                }
            }
        }
    }

    private static String key(Engine.ResultRow row) {
        int[] pattern = new int[8];
        for (int k = 0; k < 8; k++) {
            pattern[k] = row.getInt(k + 1);
        }
        return Arrays.toString(pattern);
    }
}
