package org.datafirst.linkage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;
import org.junit.jupiter.api.Test;

class UEstimatorTest {

    static LinkageSettings settings(String linkType) {
        return SettingsParser.parse("""
                {"link_type": "%s", "unique_id_column_name": "uid",
                 "blocking_rules_to_generate_predictions": [{"block_on": ["fn"]}],
                 "comparisons": [{"column": "fn", "levels": [{"type": "null"}, {"type": "exact"}, {"type": "else"}]}],
                 "training": {"deterministic_rules": [{"block_on": ["fn"]}], "recall": 1.0, "u_max_pairs": 200000,
                              "em_blocking_rules": [{"block_on": ["fn"]}], "seed": 3}}
                """.formatted(linkType));
    }

    @Test
    void uIsTheAgreementShareAmongRandomPairsAndReproducible() {
        try (DuckDbSession db = TestDb.open()) {
            // 100 records: 50 'a', 30 'b', 20 NULL. Among non-null pairs, P(agree) = (50*49 + 30*29) / (80*79)
            db.execute("CREATE TABLE records AS SELECT i AS __rid, 'ds' AS __sd, i::VARCHAR AS __uid, "
                    + "CASE WHEN i < 50 THEN 'a' WHEN i < 80 THEN 'b' END AS fn FROM range(100) t(i)");
            UEstimator.Result r = UEstimator.run(db, settings("dedupe_only"));
            double expected = (50.0 * 49 + 30 * 29) / (80 * 79);
            assertThat(r.u()[0][1]).isCloseTo(expected, offset(0.01));
            assertThat(r.u()[0][0]).isCloseTo(1 - expected, offset(0.01));
            assertThat(r.sampledPairs()).isGreaterThan(190_000);
            assertThat(UEstimator.run(db, settings("dedupe_only")).u()).isDeepEqualTo(r.u());
        }
    }

    @Test
    void linkOnlySamplesOnlyPairsAcrossDatasets() {
        try (DuckDbSession db = TestDb.open()) {
            // dataset x is all 'a', dataset y all 'b': within-dataset pairs would agree, cross pairs never do
            db.execute("CREATE TABLE records AS SELECT i AS __rid, CASE WHEN i < 50 THEN 'x' ELSE 'y' END AS __sd, "
                    + "i::VARCHAR AS __uid, CASE WHEN i < 50 THEN 'a' ELSE 'b' END AS fn FROM range(100) t(i)");
            UEstimator.Result r = UEstimator.run(db, settings("link_only"));
            assertThat(r.u()[0][1]).isLessThan(1e-4); // only the half-count floor
        }
    }

    @Test
    void comparisonVectorsStepGivesOneGammaPerComparison() {
        try (DuckDbSession db = TestDb.open()) {
            TestDb.records(db, "uid, fn", "('1', 'ann'), ('2', 'ann'), ('3', 'bob'), ('4', NULL)");
            db.execute("CREATE TABLE some_pairs AS SELECT * FROM (VALUES (0, 1, 0), (0, 2, 0), (2, 3, 1)) t(rid_l, rid_r, match_key)");
            ComparisonVectors.run(db, settings("dedupe_only"), "some_pairs");
            assertThat(db.query("SELECT rid_l, rid_r, gamma_fn FROM comparison_vectors ORDER BY rid_l, rid_r"))
                    .extracting(row -> ((Number) row.get(2)).intValue()).containsExactly(1, 0, -1);
        }
    }
}
