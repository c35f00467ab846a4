package org.datafirst.linkage.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.ComparisonLevel.DateUnit;
import org.datafirst.linkage.sql.Dialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each level's SQL, run on DuckDB over literal pairs: which pairs does it accept? */
class ComparisonLevelTest {

    static Engine db;

    @BeforeAll
    static void pairs() {
        db = TestDb.open();
        // one row per pair: l_* and r_* values
        db.execute("CREATE TABLE pairs AS SELECT * FROM (VALUES "
                + "(1, 'martha', 'martha', '19800102', '19800102', 'smith', 'smith'),"
                + "(2, 'martha', 'marhta', '19800102', '19800201', 'smith', 'jones'),"
                + "(3, 'martha', 'marta',  '19800102', '19810102', 'jones', 'smith'),"
                + "(4, 'martha', 'bob',    '19800102', '19900102', 'smith', 'smyth'),"
                + "(5, NULL,     'bob',    NULL,       '19800102', NULL,    'smith'),"
                + "(6, 'dwayne', 'duane',  '19800131', '19800201', 'x',     'y')"
                + ") t(id, l_name, r_name, l_dob, r_dob, l_sur, r_sur)");
        db.execute("CREATE TABLE l AS SELECT id, l_name AS name, l_dob AS dob, l_sur AS sur FROM pairs");
        db.execute("CREATE TABLE r AS SELECT id, r_name AS name, r_dob AS dob, r_sur AS sur FROM pairs");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static List<Integer> accepted(ComparisonLevel level) {
        return db
                .query("SELECT l.id FROM l JOIN r USING (id) WHERE coalesce(" + level.sql(Dialect.DUCKDB)
                        + ", FALSE) ORDER BY l.id")
                .stream()
                .map(row -> ((Number) row.get(0)).intValue())
                .toList();
    }

    static Stream<Arguments> levels() {
        return Stream.of(
                Arguments.of(new ComparisonLevel.NullLevel("name"), List.of(5)),
                Arguments.of(new ComparisonLevel.ExactLevel("name", null), List.of(1)),
                // jaro_winkler('martha','marhta') = 0.961, ('martha','marta') = 0.953, ('dwayne','duane') = 0.84
                Arguments.of(new ComparisonLevel.JaroWinklerLevel("name", 0.95, null), List.of(1, 2, 3)),
                Arguments.of(new ComparisonLevel.JaroWinklerLevel("name", 0.8, null), List.of(1, 2, 3, 6)),
                Arguments.of(new ComparisonLevel.JaroLevel("name", 0.94, null), List.of(1, 2, 3)),
                Arguments.of(new ComparisonLevel.LevenshteinLevel("name", 1, null), List.of(1, 3)),
                Arguments.of(new ComparisonLevel.LevenshteinLevel("name", 2, null), List.of(1, 2, 3, 6)),
                Arguments.of(new ComparisonLevel.DamerauLevenshteinLevel("name", 1, null), List.of(1, 2, 3)),
                Arguments.of(new ComparisonLevel.DateDifferenceLevel("dob", 0, DateUnit.DAY, "%Y%m%d"), List.of(1)),
                Arguments.of(new ComparisonLevel.DateDifferenceLevel("dob", 1, DateUnit.DAY, "%Y%m%d"), List.of(1, 6)),
                Arguments.of(
                        new ComparisonLevel.DateDifferenceLevel("dob", 1, DateUnit.MONTH, "%Y%m%d"), List.of(1, 2, 6)),
                Arguments.of(
                        new ComparisonLevel.DateDifferenceLevel("dob", 1, DateUnit.YEAR, "%Y%m%d"),
                        List.of(1, 2, 3, 6)),
                Arguments.of(
                        new ComparisonLevel.DateDifferenceLevel("dob", 10, DateUnit.YEAR, "%Y%m%d"),
                        List.of(1, 2, 3, 4, 6)),
                Arguments.of(new ComparisonLevel.ColumnsReversedLevel("name", "sur"), List.of()),
                Arguments.of(
                        new ComparisonLevel.CustomSqlLevel(
                                "substr(l.sur, 1, 2) = substr(r.sur, 1, 2)", "first two", null),
                        List.of(1, 4)),
                Arguments.of(new ComparisonLevel.ElseLevel(), List.of(1, 2, 3, 4, 5, 6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void levelAcceptsExactlyTheseRows(ComparisonLevel level, List<Integer> expected) {
        assertThat(accepted(level)).containsExactlyElementsOf(expected);
    }

    @Test
    void columnsReversedFindsSwappedNames() {
        db.createTable("l2", "SELECT * FROM (VALUES (1, 'john', 'smith'), (2, 'john', 'smith')) t(id, a, b)");
        db.createTable("r2", "SELECT * FROM (VALUES (1, 'smith', 'john'), (2, 'john', 'smith')) t(id, a, b)");
        var level = new ComparisonLevel.ColumnsReversedLevel("a", "b");
        var rows = db.query("SELECT l.id FROM l2 l JOIN r2 r USING (id) WHERE " + level.sql(Dialect.DUCKDB));
        assertThat(rows).extracting(r -> ((Number) r.get(0)).intValue()).containsExactly(1);
    }

    @Test
    void gammaTakesTheFirstLevelThatHoldsAndNullIsMinusOne() {
        Comparison c = new Comparison(
                "name",
                null,
                List.of(
                        new ComparisonLevel.NullLevel("name"),
                        new ComparisonLevel.ExactLevel("name", null),
                        new ComparisonLevel.JaroWinklerLevel("name", 0.9, null),
                        new ComparisonLevel.ElseLevel()));
        var rows = db.query("SELECT l.id, " + c.gammaSql(Dialect.DUCKDB) + " FROM l JOIN r USING (id) ORDER BY l.id");
        assertThat(rows).extracting(r -> ((Number) r.get(1)).intValue()).containsExactly(2, 1, 1, 0, -1, 0);
        assertThat(c.levelCount()).isEqualTo(3);
        assertThat(c.levelForGamma(2)).isInstanceOf(ComparisonLevel.ExactLevel.class);
    }

    @Test
    void quotedIdentifiersSurviveOddColumnNames() {
        db.createTable("l3", "SELECT 1 AS id, 'a' AS \"we\"\"ird col\"");
        db.createTable("r3", "SELECT 1 AS id, 'a' AS \"we\"\"ird col\"");
        var level = new ComparisonLevel.ExactLevel("we\"ird col", null);
        assertThat(db.query("SELECT count(*) FROM l3 l JOIN r3 r USING (id) WHERE " + level.sql(Dialect.DUCKDB))
                        .get(0)
                        .get(0))
                .isEqualTo(1L);
    }

    static Stream<Arguments> unparsedDates() {
        // l, r, gamma: 2 exact, 1 within a year, 0 else, -1 missing or not a date in %Y%m%d
        return Stream.of(
                Arguments.of("19800102", "19800102", 2),
                Arguments.of("19800102", "19800515", 1),
                Arguments.of("19800102", "19900102", 0),
                Arguments.of("19800102", null, -1),
                Arguments.of("19801340", "19800102", -1), // month 13: not a date, so missing, not disagreement
                Arguments.of("19800102", "2 Jan 1980", -1),
                Arguments.of("19800231", "19800231", -1)); // the same non-date on both sides is no evidence either
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @MethodSource("unparsedDates")
    void datesThatDoNotParseCountAsMissing(String left, String right, int gamma) {
        Comparison withNullLevel = new Comparison(
                "dob",
                null,
                List.of(
                        new ComparisonLevel.NullLevel("dob"),
                        new ComparisonLevel.ExactLevel("dob", null),
                        new ComparisonLevel.DateDifferenceLevel("dob", 1, DateUnit.YEAR, "%Y%m%d"),
                        new ComparisonLevel.ElseLevel()));
        Comparison withoutNullLevel = new Comparison(
                "dob",
                null,
                List.of(
                        new ComparisonLevel.ExactLevel("dob", null),
                        new ComparisonLevel.DateDifferenceLevel("dob", 1, DateUnit.YEAR, "%Y%m%d"),
                        new ComparisonLevel.ElseLevel()));
        // without a null level, an unparsed date still gets -1 (a NULL there is the author's choice: else)
        for (Comparison c :
                left == null || right == null ? List.of(withNullLevel) : List.of(withNullLevel, withoutNullLevel)) {
            var rows = db.query(
                    "SELECT " + c.gammaSql(Dialect.DUCKDB)
                            + " FROM (SELECT ?::VARCHAR AS dob) l, (SELECT ?::VARCHAR AS dob) r",
                    left,
                    right);
            assertThat(((Number) rows.get(0).get(0)).intValue()).isEqualTo(gamma);
        }
    }

    static Stream<Arguments> implications() {
        return Stream.of(
                Arguments.of(
                        new ComparisonLevel.JaroWinklerLevel("name", 0.92, null),
                        new ComparisonLevel.JaroWinklerLevel("name", 0.8, null),
                        true),
                Arguments.of(
                        new ComparisonLevel.JaroWinklerLevel("name", 0.8, null),
                        new ComparisonLevel.JaroWinklerLevel("name", 0.92, null),
                        false),
                Arguments.of(
                        new ComparisonLevel.JaroWinklerLevel("name", 0.92, null),
                        new ComparisonLevel.JaroWinklerLevel("sur", 0.8, null),
                        false),
                Arguments.of(
                        new ComparisonLevel.JaroWinklerLevel("name", 0.92, null),
                        new ComparisonLevel.JaroLevel("name", 0.8, null),
                        false),
                Arguments.of(
                        new ComparisonLevel.LevenshteinLevel("name", 1, null),
                        new ComparisonLevel.LevenshteinLevel("name", 2, null),
                        true),
                Arguments.of(
                        new ComparisonLevel.DamerauLevenshteinLevel("name", 2, null),
                        new ComparisonLevel.DamerauLevenshteinLevel("name", 1, null),
                        false),
                Arguments.of(
                        new ComparisonLevel.DateDifferenceLevel("dob", 31, DateUnit.DAY, null),
                        new ComparisonLevel.DateDifferenceLevel("dob", 1, DateUnit.YEAR, null),
                        true),
                Arguments.of(
                        new ComparisonLevel.DateDifferenceLevel("dob", 366, DateUnit.DAY, null),
                        new ComparisonLevel.DateDifferenceLevel("dob", 1, DateUnit.YEAR, null),
                        false),
                Arguments.of(
                        new ComparisonLevel.DateDifferenceLevel("dob", 29, DateUnit.DAY, "%Y%m%d"),
                        new ComparisonLevel.DateDifferenceLevel("dob", 1, DateUnit.MONTH, "%Y%m%d"),
                        false),
                Arguments.of(
                        new ComparisonLevel.DateDifferenceLevel("dob", 1, DateUnit.MONTH, "%Y%m%d"),
                        new ComparisonLevel.DateDifferenceLevel("dob", 1, DateUnit.YEAR, "%Y%m%d"),
                        true),
                Arguments.of(
                        new ComparisonLevel.DateDifferenceLevel("dob", 1, DateUnit.YEAR, "%Y%m%d"),
                        new ComparisonLevel.DateDifferenceLevel("dob", 1, DateUnit.MONTH, "%Y%m%d"),
                        false),
                Arguments.of(
                        new ComparisonLevel.DateDifferenceLevel("dob", 1, DateUnit.YEAR, "%Y%m%d"),
                        new ComparisonLevel.DateDifferenceLevel("dob", 10, DateUnit.YEAR, "%Y-%m-%d"),
                        false),
                Arguments.of(
                        new ComparisonLevel.ExactLevel("name", null),
                        new ComparisonLevel.JaroWinklerLevel("name", 0.8, null),
                        false));
    }

    @ParameterizedTest(name = "{0} implies {1}: {2}")
    @MethodSource("implications")
    void aStricterLevelOfTheSameMeasureImpliesTheLooserOne(ComparisonLevel a, ComparisonLevel b, boolean implied) {
        assertThat(ComparisonLevel.implies(a, b)).isEqualTo(implied);
    }

    static Stream<Arguments> nestedRuns() {
        // l, r, gamma: 5 exact, 4 JW >= 0.95, 3 JW >= 0.9, 2 JW >= 0.8, 1 Levenshtein <= 3, 0 else
        return Stream.of(
                Arguments.of("martha", "martha", 5),
                Arguments.of("martha", "marhta", 4), // JW 0.961
                Arguments.of("dwayne", "duane", 2), // JW 0.84
                Arguments.of("martha", "marxxx", 1), // JW 0.767, three edits
                Arguments.of("martha", "bob", 0),
                Arguments.of(null, "bob", -1));
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @MethodSource("nestedRuns")
    void aRunOfNestedLevelsTestedLoosestFirstGivesTheSameGammas(String left, String right, int gamma) {
        Comparison c = new Comparison(
                "name",
                null,
                List.of(
                        new ComparisonLevel.NullLevel("name"),
                        new ComparisonLevel.ExactLevel("name", null),
                        new ComparisonLevel.JaroWinklerLevel("name", 0.95, null),
                        new ComparisonLevel.JaroWinklerLevel("name", 0.9, null),
                        new ComparisonLevel.JaroWinklerLevel("name", 0.8, null),
                        new ComparisonLevel.LevenshteinLevel("name", 3, null),
                        new ComparisonLevel.ElseLevel()));
        var rows = db.query(
                "SELECT " + c.gammaSql(Dialect.DUCKDB)
                        + " FROM (SELECT ?::VARCHAR AS name) l, (SELECT ?::VARCHAR AS name) r",
                left,
                right);
        assertThat(((Number) rows.get(0).get(0)).intValue()).isEqualTo(gamma);
    }
}
