package org.datafirst.linkage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.Comparison;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;
import org.datafirst.linkage.sql.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UEstimatorTest {

    static LinkageSettings settings(String linkType) {
        return settings(linkType, 200_000);
    }

    static LinkageSettings settings(String linkType, long uMaxPairs) {
        return SettingsParser.parse("""
                {"link_type": "%s", "unique_id_column_name": "uid",
                 "blocking_rules_to_generate_predictions": [{"block_on": ["fn"]}],
                 "comparisons": [{"column": "fn", "levels": [{"type": "null"}, {"type": "exact"}, {"type": "else"}]}],
                 "training": {"deterministic_rules": [{"block_on": ["fn"]}], "recall": 1.0, "u_max_pairs": %d,
                              "em_blocking_rules": [{"block_on": ["fn"]}], "seed": 3}}
                """.formatted(linkType, uMaxPairs));
    }

    @Test
    void uIsTheAgreementShareAmongAllPairsWhenTheyAreFewerThanTheMaximum() {
        try (Engine db = TestDb.open()) {
            // 100 records: 50 'a', 30 'b', 20 NULL; 4950 pairs < u_max_pairs, so every pair is compared.
            // Among the 80*79/2 non-null pairs, 50*49/2 + 30*29/2 agree.
            db.execute("CREATE TABLE records AS SELECT i AS __rid, 'ds' AS __sd, i::VARCHAR AS __uid, "
                    + "CASE WHEN i < 50 THEN 'a' WHEN i < 80 THEN 'b' END AS fn FROM range(100) t(i)");
            UEstimator.Result r = UEstimator.run(db, settings("dedupe_only"));
            assertThat(r.sampledPairs()).isEqualTo(100 * 99 / 2);
            double agree = 50 * 49 / 2 + 30 * 29 / 2;
            assertThat(r.u()[0][1]).isCloseTo(agree / (80 * 79 / 2 + 0.5), offset(1e-12));
        }
    }

    @Test
    void uFromASampleIsCloseToTheTruthAndReproducible() {
        try (Engine db = TestDb.open()) {
            // 4000 records: half 'a', 30% 'b', 20% NULL (interleaved); 8M pairs, of which ~100k are sampled
            db.execute("CREATE TABLE records AS SELECT i AS __rid, 'ds' AS __sd, i::VARCHAR AS __uid, "
                    + "CASE WHEN i % 10 < 5 THEN 'a' WHEN i % 10 < 8 THEN 'b' END AS fn FROM range(4000) t(i)");
            UEstimator.Result r = UEstimator.run(db, settings("dedupe_only", 100_000));
            assertThat(r.sampledPairs()).isBetween(80_000L, 120_000L);
            double expected = (0.5 * 0.5 + 0.3 * 0.3) / (0.8 * 0.8);
            assertThat(r.u()[0][1]).isCloseTo(expected, offset(0.01));
            assertThat(r.u()[0][0]).isCloseTo(1 - expected, offset(0.01));
            assertThat(UEstimator.run(db, settings("dedupe_only", 100_000)).u()).isDeepEqualTo(r.u());
        }
    }

    @Test
    void linkOnlySamplesOnlyPairsAcrossDatasets() {
        try (Engine db = TestDb.open()) {
            // dataset x is all 'a', dataset y all 'b': within-dataset pairs would agree, cross pairs never do
            db.execute("CREATE TABLE records AS SELECT i AS __rid, CASE WHEN i < 50 THEN 'x' ELSE 'y' END AS __sd, "
                    + "i::VARCHAR AS __uid, CASE WHEN i < 50 THEN 'a' ELSE 'b' END AS fn FROM range(100) t(i)");
            UEstimator.Result r = UEstimator.run(db, settings("link_only"));
            assertThat(r.sampledPairs()).isEqualTo(50 * 50); // every cross pair, no pair within a dataset
            assertThat(r.u()[0][1]).isEqualTo(0.5 / (50 * 50 + 0.5)); // only the half-count floor
        }
        try (Engine db = TestDb.open()) {
            // the same with sampling: 2000 + 2000 records, about 100k of the 4M cross pairs
            db.execute("CREATE TABLE records AS SELECT i AS __rid, CASE WHEN i % 2 = 0 THEN 'x' ELSE 'y' END AS __sd, "
                    + "i::VARCHAR AS __uid, CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END AS fn FROM range(4000) t(i)");
            UEstimator.Result r = UEstimator.run(db, settings("link_only", 100_000));
            assertThat(r.sampledPairs()).isBetween(80_000L, 120_000L);
            assertThat(r.u()[0][1]).isLessThan(1e-5);
        }
    }

    /** Records with many repeated values, NULLs, reversed names, dates that do not parse and transposed dates. */
    private static void mixedRecords(Engine db) {
        db.execute(
                "CREATE TABLE records AS SELECT i AS __rid, CASE WHEN i % 3 = 0 THEN 'x' ELSE 'y' END AS __sd, i::VARCHAR AS __uid, "
                        + "['anna', 'ana', 'hannah', 'john', 'jon', NULL, 'smith'][i % 7 + 1] AS fn, "
                        + "['smith', 'smyth', 'jones', 'john', 'anna', NULL][(i // 7) % 6 + 1] AS sn, "
                        + "['1980-01-02', '1980-02-01', '1981-01-02', 'not a date', NULL, '1990-05-05', '1980-01-02'][(i // 3) % 7 + 1] AS dob "
                        + "FROM range(300) t(i)");
    }

    static LinkageSettings mixedSettings(String linkType) {
        return SettingsParser.parse("""
                {"link_type": "%s", "unique_id_column_name": "uid", "source_dataset_column_name": "sd",
                 "blocking_rules_to_generate_predictions": [{"block_on": ["fn"]}],
                 "comparisons": [
                   {"column": "fn", "levels": [{"type": "null"}, {"type": "exact"},
                     {"type": "columns_reversed", "column_1": "fn", "column_2": "sn"},
                     {"type": "jaro_winkler", "threshold": 0.9}, {"type": "jaro_winkler", "threshold": 0.7}, {"type": "else"}]},
                   {"column": "sn", "levels": [{"type": "exact"}, {"type": "levenshtein", "threshold": 1}, {"type": "else"}]},
                   {"column": "dob", "levels": [{"type": "null"}, {"type": "exact"},
                     {"type": "custom", "sql_condition": "substr(l.dob, 6, 2) = substr(r.dob, 9, 2) AND substr(l.dob, 9, 2) = substr(r.dob, 6, 2)"},
                     {"type": "date_difference", "threshold": 1, "unit": "year", "date_format": "%%Y-%%m-%%d"}, {"type": "else"}]},
                   {"output_column_name": "fn_then_dob", "column": "fn", "levels": [{"type": "exact"},
                     {"type": "date_difference", "column": "dob", "threshold": 0, "unit": "year", "date_format": "%%Y-%%m-%%d"},
                     {"type": "else"}]},
                   {"output_column_name": "custom_only", "column": "fn", "levels": [
                     {"type": "custom", "sql_condition": "l.fn = r.sn"}, {"type": "else"}]}],
                 "training": {"deterministic_rules": [{"block_on": ["fn"]}], "recall": 1.0, "u_max_pairs": 1000000,
                              "em_blocking_rules": [{"block_on": ["fn"]}], "seed": 3}}
                """.formatted(linkType));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dedupe_only", "link_only"})
    void countingDistinctValuePairsGivesTheSameUAsComparingEveryPair(String linkType) {
        try (Engine db = TestDb.open()) {
            // Given fewer pairs than u_max_pairs, so the sample is every record
            mixedRecords(db);
            LinkageSettings s = mixedSettings(linkType);
            List<Comparison> cs = s.comparisons();
            // When u is estimated (in one part, and in three parts side by side), and when every pair is
            // compared the straightforward way
            UEstimator.Result fast = UEstimator.run(db, s);
            db.execute("SET threads = 3");
            assertThat(UEstimator.run(db, s).u()).isDeepEqualTo(fast.u());
            String pairs = "l.__rid < r.__rid" + (linkType.equals("link_only") ? " AND l.__sd <> r.__sd" : "");
            PatternCounts pc = PatternCounts.query(
                    db,
                    ComparisonVectors.gammaColumns(cs),
                    cs.size(),
                    "SELECT " + ComparisonVectors.gammaSelect(cs, Dialect.DUCKDB) + " FROM records l JOIN records r ON "
                            + pairs);
            long[][] counts = new long[cs.size()][];
            for (int k = 0; k < cs.size(); k++) {
                counts[k] = new long[cs.get(k).levelCount()];
                for (int p = 0; p < pc.size(); p++) {
                    if (pc.patterns()[p][k] >= 0) {
                        counts[k][pc.patterns()[p][k]] += pc.counts()[p];
                    }
                }
            }
            // Then the u values are the same numbers, and every level of the test data was reached
            assertThat(fast.sampledPairs()).isEqualTo(pc.total());
            assertThat(fast.u()).isDeepEqualTo(UEstimator.levelShares(counts));
            assertThat(List.of(counts)).allSatisfy(c -> assertThat(c).doesNotContain(0L));
        }
    }

    @Test
    void comparisonVectorsStepGivesOneGammaPerComparison() {
        try (Engine db = TestDb.open()) {
            TestDb.records(db, "uid, fn", "('1', 'ann'), ('2', 'ann'), ('3', 'bob'), ('4', NULL)");
            db.execute(
                    "CREATE TABLE some_pairs AS SELECT * FROM (VALUES (0, 1, 0), (0, 2, 0), (2, 3, 1)) t(rid_l, rid_r, match_key)");
            ComparisonVectors.run(db, settings("dedupe_only"), "some_pairs");
            assertThat(db.query("SELECT rid_l, rid_r, gamma_fn FROM comparison_vectors ORDER BY rid_l, rid_r"))
                    .extracting(row -> ((Number) row.get(2)).intValue())
                    .containsExactly(1, 0, -1);
        }
    }
}
