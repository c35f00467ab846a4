package org.datafirst.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.TestSpark;
import org.junit.jupiter.api.Test;

/** A string literal with a backslash means the same on both engines (a --truth-from-id pattern is one). */
class StringLiteralsTest {

    private static final String SQL =
            "SELECT regexp_extract('rec-12-dup-0', '^rec-(\\d+)', 1), length('a\\tb'), 'a\\\\b' = 'a\\\\b'";

    @Test
    void backslashesReachSparkAsWrittenAsOnDuckDb() {
        List<Object> duck;
        try (Engine db = TestDb.open()) {
            duck = db.query(SQL).get(0);
        }
        List<Object> spark;
        try (Engine db = TestSpark.open()) {
            spark = db.query(SQL).get(0);
        }
        assertThat(duck.get(0)).isEqualTo("12");
        assertThat(((Number) duck.get(1)).longValue()).isEqualTo(4);
        assertThat(spark.get(0)).isEqualTo(duck.get(0));
        assertThat(((Number) spark.get(1)).longValue()).isEqualTo(((Number) duck.get(1)).longValue());
        assertThat(spark.get(2)).isEqualTo(duck.get(2));
    }
}
