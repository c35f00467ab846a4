package org.datafirst.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.TestSpark;
import org.datafirst.linkage.sql.Sql;
import org.junit.jupiter.api.Test;

/**
 * String literals with a backslash or a single quote mean the same on both engines (a --truth-from-id pattern
 * or a source dataset's name is one).
 */
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

    @Test
    void singleQuotesReachBothEnginesAsOneQuote() {
        String sql = "SELECT " + Sql.text("it's") + ", regexp_extract(" + Sql.text("o'brien-7") + ", "
                + Sql.text("'brien-(\\d+)") + ", 1), length(" + Sql.text("''") + ")";
        List<Object> duck;
        try (Engine db = TestDb.open()) {
            duck = db.query(sql).get(0);
        }
        List<Object> spark;
        try (Engine db = TestSpark.open()) {
            spark = db.query(sql).get(0);
        }
        assertThat(duck.get(0)).isEqualTo("it's");
        assertThat(duck.get(1)).isEqualTo("7");
        assertThat(((Number) duck.get(2)).longValue()).isEqualTo(2);
        assertThat(spark.get(0)).isEqualTo(duck.get(0));
        assertThat(spark.get(1)).isEqualTo(duck.get(1));
        assertThat(((Number) spark.get(2)).longValue()).isEqualTo(2);
    }
}
