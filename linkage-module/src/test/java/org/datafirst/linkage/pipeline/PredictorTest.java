package org.datafirst.linkage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;
import org.junit.jupiter.api.Test;

class PredictorTest {

    static final String SETTINGS = """
            {"link_type": "dedupe_only", "unique_id_column_name": "uid",
             "blocking_rules_to_generate_predictions": [{"sql": "l.grp = r.grp"}],
             "comparisons": [
               {"column": "fn", "levels": [{"type": "null"}, {"type": "exact", "tf_adjustment_column": "fn"}, {"type": "else"}]},
               {"column": "dob", "levels": [{"type": "null"}, {"type": "exact"}, {"type": "else"}]}],
             "training": {"deterministic_rules": [{"block_on": ["fn", "dob"]}], "recall": 1.0,
                          "em_blocking_rules": [{"block_on": ["fn"]}, {"block_on": ["dob"]}]}}
            """;

    @Test
    void weightIsPriorPlusLog2BayesFactorsPlusTermFrequencyAdjustment() {
        LinkageSettings s = SettingsParser.parse(SETTINGS);
        // lambda 0.2 -> prior weight log2(0.25) = -2
        LinkageModel model = new LinkageModel(
                s,
                null,
                0.2,
                new double[][] {{0.2, 0.8}, {0.1, 0.9}},
                new double[][] {{0.9, 0.1}, {0.8, 0.2}},
                List.of());
        try (Engine db = TestDb.open()) {
            // fn 'ann' appears 3 of 4 times (tf 0.75), 'bob' once (tf 0.25)
            TestDb.records(
                    db,
                    "uid, grp, fn, dob",
                    "('a', 1, 'ann', '1980'), ('b', 1, 'ann', '1990'), ('c', 2, 'ann', NULL), "
                            + "('d', 2, 'bob', '1970'), ('e', 3, 'bob', '1970'), ('f', 3, 'bob', '1971')");
            TermFrequencies.run(db, s);
            long n = Predictor.run(db, model, 0.0);
            assertThat(n).isEqualTo(3);
            var rows = db.query(
                    "SELECT l.__uid, r.__uid, match_weight, match_probability, gamma_fn, gamma_dob FROM predictions p "
                            + "JOIN records l ON l.__rid = p.rid_l JOIN records r ON r.__rid = p.rid_r ORDER BY 1");
            // a-b: fn exact on 'ann' (tf 3/6 = 0.5): -2 + log2(8) + log2(0.1 / 0.5) + dob else log2(0.1/0.8)
            double ab = -2 + 3 + log2(0.1 / 0.5) + log2(0.1 / 0.8);
            assertThat(((Number) rows.get(0).get(2)).doubleValue()).isCloseTo(ab, offset(1e-9));
            assertThat(((Number) rows.get(0).get(3)).doubleValue())
                    .isCloseTo(Math.pow(2, ab) / (1 + Math.pow(2, ab)), offset(1e-12));
            // c-d: fn else, dob null (no evidence)
            assertThat(((Number) rows.get(1).get(2)).doubleValue()).isCloseTo(-2 + log2(0.2 / 0.9), offset(1e-9));
            assertThat(((Number) rows.get(1).get(5)).intValue()).isEqualTo(-1);
            // e-f: fn exact on 'bob' (tf 3/6 = 0.5), dob else
            assertThat(((Number) rows.get(2).get(4)).intValue()).isEqualTo(1);
        }
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void floorDropsLowScoringPairs() {
        LinkageSettings s = SettingsParser.parse(SETTINGS);
        LinkageModel model = new LinkageModel(
                s,
                null,
                0.2,
                new double[][] {{0.2, 0.8}, {0.1, 0.9}},
                new double[][] {{0.9, 0.1}, {0.8, 0.2}},
                List.of());
        try (Engine db = TestDb.open()) {
            TestDb.records(
                    db,
                    "uid, grp, fn, dob",
                    "('a', 1, 'ann', '1980'), ('b', 1, 'ann', '1980'), ('c', 1, 'cy', '1990')");
            TermFrequencies.run(db, s);
            assertThat(Predictor.run(db, model, 0.0)).isEqualTo(3);
            assertThat(Predictor.run(db, model, 0.5)).isEqualTo(1);
        }
    }
}
