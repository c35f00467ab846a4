package org.datafirst.linkage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.BlockingRule;
import org.datafirst.linkage.settings.LinkType;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;
import org.junit.jupiter.api.Test;

class BlockingTest {

    static LinkageSettings settings(String linkType) {
        return SettingsParser.parse("""
                {"link_type": "%s", "unique_id_column_name": "uid",
                 "blocking_rules_to_generate_predictions": [{"block_on": ["fn"]}, {"block_on": ["sn"]}],
                 "comparisons": [{"column": "fn", "levels": [{"type": "null"}, {"type": "exact"}, {"type": "else"}]},
                                 {"column": "sn", "levels": [{"type": "null"}, {"type": "exact"}, {"type": "else"}]}],
                 "training": {"deterministic_rules": [{"block_on": ["fn", "sn"]}], "recall": 1.0,
                              "em_blocking_rules": [{"block_on": ["fn"]}, {"block_on": ["sn"]}]}}
                """.formatted(linkType));
    }

    static List<String> pairs(Engine db) {
        return db
                .query(
                        "SELECT l.__uid || '-' || r.__uid || ':' || p.match_key FROM blocked_pairs p JOIN records l ON l.__rid = p.rid_l "
                                + "JOIN records r ON r.__rid = p.rid_r ORDER BY 1")
                .stream()
                .map(r -> (String) r.get(0))
                .toList();
    }

    @Test
    void laterRulesSkipPairsOfEarlierRulesAndEachPairAppearsOnce() {
        try (Engine db = TestDb.open()) {
            TestDb.records(
                    db,
                    "uid, fn, sn",
                    "('a', 'ann', 'lee'), ('b', 'ann', 'lee'), ('c', 'ann', 'roe'), ('d', 'bob', 'roe'), ('e', NULL, NULL)");
            LinkageSettings s = settings("dedupe_only");
            long n = Blocking.run(db, s, s.blockingRules());
            // a-b agree on both rules but come once, from rule 0; c-d only on surname (rule 1); nulls never block
            assertThat(pairs(db)).containsExactly("a-b:0", "a-c:0", "b-c:0", "c-d:1");
            assertThat(n).isEqualTo(4);
            assertThat(Blocking.count(db, s, s.blockingRules())).isEqualTo(4);
        }
    }

    @Test
    void linkOnlySkipsPairsWithinADataset() {
        try (Engine db = TestDb.open()) {
            TestDb.records(
                    db,
                    "uid, sd, fn, sn",
                    "('a', 'x', 'ann', 'lee'), ('b', 'x', 'ann', 'lee'), ('c', 'y', 'ann', 'lee')");
            LinkageSettings s = settings("link_only");
            Blocking.run(db, s, s.blockingRules());
            assertThat(pairs(db)).containsExactly("a-c:0", "b-c:0");
            assertThat(PriorEstimator.possiblePairs(db, LinkType.LINK_ONLY)).isEqualTo(2.0);
            assertThat(PriorEstimator.possiblePairs(db, LinkType.DEDUPE_ONLY)).isEqualTo(3.0);
        }
    }

    @Test
    void sqlRulesUseExpressionsAndKnowTheirColumns() {
        try (Engine db = TestDb.open()) {
            TestDb.records(db, "uid, fn, sn", "('a', 'anne', 'lee'), ('b', 'annie', 'lea'), ('c', 'bob', 'lee')");
            LinkageSettings s = settings("dedupe_only");
            BlockingRule rule = BlockingRule.sql("substr(l.fn, 1, 3) = substr(r.fn, 1, 3)");
            Blocking.run(db, s, List.of(rule));
            assertThat(pairs(db)).containsExactly("a-b:0");
            assertThat(rule.uses(java.util.Set.of("fn"))).isTrue();
            assertThat(rule.uses(java.util.Set.of("f"))).isFalse();
        }
    }

    @Test
    void priorIsDeterministicMatchesOverRecallOverAllPairs() {
        try (Engine db = TestDb.open()) {
            TestDb.records(
                    db,
                    "uid, fn, sn",
                    "('a', 'ann', 'lee'), ('b', 'ann', 'lee'), ('c', 'ann', 'roe'), ('d', 'bob', 'roe')");
            // one deterministic match (a-b) of 6 possible pairs, recall 1
            assertThat(PriorEstimator.run(db, settings("dedupe_only")))
                    .isCloseTo(1.0 / 6, org.assertj.core.data.Offset.offset(1e-12));
        }
    }
}
