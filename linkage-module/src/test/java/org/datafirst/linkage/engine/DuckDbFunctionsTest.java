package org.datafirst.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.datafirst.linkage.TestDb;
import org.junit.jupiter.api.Test;

/** The Java versions of DuckDB's functions (used by the Spark engine) give DuckDB's results. */
class DuckDbFunctionsTest {

    /** Short strings from a small alphabet, so that many pairs are near matches, transpositions included. */
    private static String word(Random random) {
        int length = random.nextInt(9);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append("abcde".charAt(random.nextInt(5)));
        }
        return sb.toString();
    }

    @Test
    void stringFunctionsEqualDuckDbs() {
        Random random = new Random(7);
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            values.append(i == 0 ? "" : ", ")
                    .append("('")
                    .append(word(random))
                    .append("', '")
                    .append(word(random))
                    .append("')");
        }
        values.append(", ('martha', 'marhta'), ('dwayne', 'duane'), ('dixon', 'dicksonx'), ('ca', 'abc')");
        try (Engine db = TestDb.open()) {
            List<List<Object>> rows = db.query("SELECT a, b, jaro_similarity(a, b), jaro_winkler_similarity(a, b),"
                    + " levenshtein(a, b), damerau_levenshtein(a, b) FROM (VALUES " + values + ") t(a, b)");
            for (List<Object> row : rows) {
                String a = (String) row.get(0);
                String b = (String) row.get(1);
                String pair = a + " / " + b;
                assertThat(DuckDbFunctions.jaro(a, b)).as("jaro " + pair).isCloseTo((Double) row.get(2), within(1e-12));
                assertThat(DuckDbFunctions.jaroWinkler(a, b))
                        .as("jaro-winkler " + pair)
                        .isCloseTo((Double) row.get(3), within(1e-12));
                assertThat((long) DuckDbFunctions.levenshtein(a, b))
                        .as("levenshtein " + pair)
                        .isEqualTo(((Number) row.get(4)).longValue());
                assertThat((long) DuckDbFunctions.damerauLevenshtein(a, b))
                        .as("damerau-levenshtein " + pair)
                        .isEqualTo(((Number) row.get(5)).longValue());
            }
        }
    }

    @Test
    void hashBucketEqualsDuckDbs() {
        try (Engine db = TestDb.open()) {
            for (long seed : new long[] {0, 42, 1234567}) {
                List<List<Object>> rows = db.query("SELECT i, " + db.dialect().hashBucket("i", seed)
                        + " FROM (SELECT range::BIGINT AS i FROM range(0, 200000, 37)) t");
                for (List<Object> row : rows) {
                    assertThat(DuckDbFunctions.hashBucket(((Number) row.get(0)).longValue(), seed))
                            .isEqualTo(((Number) row.get(1)).longValue());
                }
            }
        }
    }

    @Test
    void strptimeEqualsDuckDbs() {
        String[] texts = {"2001-02-03", "2001-2-3", "2001-02-30", "03/02/2001", "3/2/2001", "2001", "x", "19990101"};
        String[] formats = {"%Y-%m-%d", "%d/%m/%Y", "%Y%m%d"};
        try (Engine db = TestDb.open()) {
            for (String format : formats) {
                for (String text : texts) {
                    Object duck = db.query("SELECT CAST(try_strptime(?, ?) AS DATE)", text, format)
                            .get(0)
                            .get(0);
                    LocalDate expected = duck == null ? null : LocalDate.parse(duck.toString());
                    assertThat(DuckDbFunctions.tryStrptime(text, format))
                            .as(text + " as " + format)
                            .isEqualTo(expected);
                }
            }
        }
    }
}
