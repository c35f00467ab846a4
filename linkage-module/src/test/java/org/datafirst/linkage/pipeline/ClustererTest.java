package org.datafirst.linkage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.BlockingRule;
import org.datafirst.linkage.settings.ClusteringSettings;
import org.datafirst.linkage.settings.ClusteringSettings.Method;
import org.datafirst.linkage.settings.SettingsParser;
import org.junit.jupiter.api.Test;

class ClustererTest {

    static final ClusteringSettings COMPONENTS = ClusteringSettings.DEFAULT.withMethod(Method.CONNECTED_COMPONENTS);

    /** Connected components of nodes 0..n-1 and edges (a, b, probability). */
    static Map<Long, Long> components(int nodes, String edges, double threshold) {
        try (Engine db = TestDb.open()) {
            db.execute("CREATE TABLE records AS SELECT range AS __rid FROM range(" + nodes + ")");
            db.execute("CREATE TABLE edges_in (rid_l BIGINT, rid_r BIGINT, match_probability DOUBLE)");
            if (!edges.isEmpty()) {
                db.execute("INSERT INTO edges_in VALUES " + edges);
            }
            Clusterer.run(db, null, COMPONENTS, "edges_in", threshold);
            return clusters(db);
        }
    }

    static Map<Long, Long> clusters(Engine db) {
        return db.query("SELECT __rid, cluster_id FROM clusters").stream()
                .collect(Collectors.toMap(r -> ((Number) r.get(0)).longValue(), r -> ((Number) r.get(1)).longValue()));
    }

    @Test
    void isolatedNodesAreTheirOwnClusters() {
        assertThat(components(3, "", 0.5)).isEqualTo(Map.of(0L, 0L, 1L, 1L, 2L, 2L));
    }

    @Test
    void aLongChainBecomesOneComponentLabelledByItsSmallestNode() {
        // 9 - 8 - 7 - ... - 0 given in scrambled order
        String chain =
                "(5, 6, 0.9), (0, 1, 0.9), (8, 9, 0.9), (3, 4, 0.9), (1, 2, 0.9), (6, 7, 0.9), (2, 3, 0.9), (7, 8, 0.9), (4, 5, 0.9)";
        Map<Long, Long> c = components(10, chain, 0.5);
        assertThat(c.values()).containsOnly(0L);
    }

    @Test
    void edgesBelowTheThresholdDoNotJoinComponents() {
        String g = "(0, 1, 0.99), (1, 2, 0.7), (2, 3, 0.4), (3, 4, 0.95), (5, 4, 0.6), (6, 7, 0.2)";
        Map<Long, Long> c = components(8, g, 0.5);
        assertThat(c)
                .containsEntry(0L, 0L)
                .containsEntry(1L, 0L)
                .containsEntry(2L, 0L)
                .containsEntry(3L, 3L)
                .containsEntry(4L, 3L)
                .containsEntry(5L, 3L)
                .containsEntry(6L, 6L)
                .containsEntry(7L, 7L);
        assertThat(components(8, g, 0.8).get(2L)).isEqualTo(2L);
    }

    @Test
    void aStarAndACycleAreEachOneComponent() {
        String g = "(4, 1, 0.9), (4, 2, 0.9), (4, 3, 0.9), (5, 6, 0.9), (6, 7, 0.9), (7, 5, 0.9)";
        Map<Long, Long> c = components(8, g, 0.5);
        assertThat(List.of(c.get(1L), c.get(2L), c.get(3L), c.get(4L))).containsOnly(1L);
        assertThat(List.of(c.get(5L), c.get(6L), c.get(7L))).containsOnly(5L);
        assertThat(c.get(0L)).isEqualTo(0L);
    }

    @Test
    void shapesCountEdgesAndBridgesOfEachCluster() {
        try (Engine db = TestDb.open()) {
            db.execute("CREATE TABLE records AS SELECT range AS __rid FROM range(8)");
            // a path 0-1-2-3 (3 bridges, density 3/6) and a triangle 4-5-6 (no bridge, density 1)
            db.execute(
                    "CREATE TABLE edges_in AS SELECT * FROM (VALUES (0, 1, 0.9), (1, 2, 0.9), (2, 3, 0.9), (4, 5, 0.9), (5, 6, 0.9),"
                            + " (6, 4, 0.9)) t(rid_l, rid_r, match_probability)");
            Clusterer.Result r = Clusterer.run(db, null, COMPONENTS, "edges_in", 0.5);
            assertThat(r.clusters()).isEqualTo(3);
            assertThat(r.largest()).isEqualTo(4);
            assertThat(r.suspicious()).isEqualTo(1);
            assertThat(
                            db.query(
                                    "SELECT cluster_id, size, edges, bridges, density, suspicious FROM cluster_shapes ORDER BY cluster_id"))
                    .containsExactly(List.of(0L, 4, 3L, 3, 0.5, true), List.of(4L, 3, 3L, 0, 1.0, false));
        }
    }

    // Average linkage: a model of three comparisons (first name, surname, dob), each null / exact / else.
    // Agreement is worth +5.6 bits, disagreement -5.6, null nothing; the prior is -8 bits.

    static final String SETTINGS = """
            {"link_type": "dedupe_only", "unique_id_column_name": "uid",
             "blocking_rules_to_generate_predictions": [{"block_on": ["sn"]}],
             "comparisons": [
               {"column": "fn", "levels": [{"type": "null"}, {"type": "exact"}, {"type": "else"}]},
               {"column": "sn", "levels": [{"type": "null"}, {"type": "exact"}, {"type": "else"}]},
               {"column": "dob", "levels": [{"type": "null"}, {"type": "exact"}, {"type": "else"}]}],
             "training": {"deterministic_rules": [{"block_on": ["sn"]}], "em_blocking_rules": [{"block_on": ["sn"]}]}}
            """;

    static LinkageModel model() {
        double lambda = 1 / (1 + Math.pow(2, 8));
        double[] m = {0.02, 0.98};
        double[] u = {0.98, 0.02};
        return new LinkageModel(
                SettingsParser.parse(SETTINGS),
                new ObjectMapper().createObjectNode(),
                lambda,
                new double[][] {m, m, m},
                new double[][] {u, u, u},
                List.of());
    }

    /** Scores all blocked pairs of the records with the model, then clusters them. */
    static Clusterer.Result averageLinkage(Engine db, ClusteringSettings settings) {
        LinkageModel model = model();
        Predictor.run(db, model, 0.0);
        return Clusterer.run(db, model, settings, Predictor.TABLE, 0.5);
    }

    static ClusteringSettings averageLinkage(double mergeMean, double veto, BlockingRule... cannotLink) {
        return new ClusteringSettings(Method.AVERAGE_LINKAGE, 1000, List.of(cannotLink), mergeMean, veto);
    }

    /** 0, 1: john; 2: james, his twin; 3: no first name, agrees with both (p 0.90 each); john–james p 0.16 (weight -2.4). */
    static final String TWINS =
            "(0, 'john', 'smith', 'd1'), (1, 'john', 'smith', 'd1'), (2, 'james', 'smith', 'd1'), (3, NULL, 'smith', 'd1')";

    @Test
    void twinsJoinedThroughARecordWithoutFirstNameStayTwoPeopleUnderAStrictMean() {
        try (Engine db = TestDb.open()) {
            TestDb.records(db, "uid, fn, sn, dob", TWINS);
            Clusterer.Result r = averageLinkage(db, averageLinkage(0.5, -20));
            Map<Long, Long> c = clusters(db);
            assertThat(c.get(1L)).isEqualTo(0L);
            assertThat(c.get(2L)).isNotEqualTo(0L);
            assertThat(r.rescoredPairs()).isEqualTo(6);

            averageLinkage(db, COMPONENTS);
            assertThat(clusters(db).values()).containsOnly(0L);
        }
    }

    @Test
    void aPairBelowTheVetoWeightNeverSharesACluster() {
        try (Engine db = TestDb.open()) {
            TestDb.records(db, "uid, fn, sn, dob", TWINS);
            // the lenient default mean joins james to the john group ((0.16 + 0.16 + 0.90) / 3 >= 0.1) ...
            averageLinkage(db, ClusteringSettings.DEFAULT);
            assertThat(clusters(db).values()).containsOnly(0L);
            // ... unless john–james is vetoed
            averageLinkage(db, averageLinkage(0.1, -2));
            assertThat(clusters(db).get(2L)).isNotEqualTo(0L);
        }
    }

    @Test
    void recordsThatMatchTheRestOfAGroupOnAverageJoinIt() {
        try (Engine db = TestDb.open()) {
            // one person, one record lacking the date of birth: every pair has no disagreement
            TestDb.records(
                    db,
                    "uid, fn, sn, dob",
                    "(0, 'ann', 'lee', 'd1'), (1, 'ann', 'lee', 'd1'), (2, 'ann', 'lee', NULL),"
                            + " (3, 'ann', 'lee', 'd1'), (4, 'bob', 'lee', 'd2')");
            averageLinkage(db, ClusteringSettings.DEFAULT);
            assertThat(clusters(db)).isEqualTo(Map.of(0L, 0L, 1L, 0L, 2L, 0L, 3L, 0L, 4L, 4L));
        }
    }

    @Test
    void cannotLinkRulesKeepRecordsApartWhateverTheirScore() {
        try (Engine db = TestDb.open()) {
            // co-defendants 0 and 1 on case c1 look identical; 2 is the same person as 0 on another case
            TestDb.records(
                    db,
                    "uid, fn, sn, dob, case_id",
                    "(0, 'ann', 'lee', 'd1', 'c1'), (1, 'ann', 'lee', 'd1', 'c1')," + " (2, 'ann', 'lee', 'd1', 'c2')");
            var rules = averageLinkage(0.1, -20, BlockingRule.on("case_id"));
            averageLinkage(db, rules);
            Map<Long, Long> c = clusters(db);
            assertThat(c.get(0L)).isNotEqualTo(c.get(1L));
            assertThat(c.get(2L)).isIn(c.get(0L), c.get(1L));
        }
    }

    @Test
    void groupsLargerThanTheLimitAreCutAtTheirWeakestPairs() {
        try (Engine db = TestDb.open()) {
            db.execute("CREATE TABLE records AS SELECT range AS __rid FROM range(6)");
            // two strong triangles joined by one weaker pair
            db.execute(
                    "CREATE TABLE edges_in AS SELECT * FROM (VALUES (0, 1, 0.99), (1, 2, 0.99), (0, 2, 0.99), (3, 4, 0.98),"
                            + " (4, 5, 0.98), (3, 5, 0.98), (2, 3, 0.7)) t(rid_l, rid_r, match_probability)");
            Clusterer.Result r = Clusterer.run(
                    db,
                    null,
                    new ClusteringSettings(Method.CONNECTED_COMPONENTS, 3, List.of(), 0.1, -20),
                    "edges_in",
                    0.5);
            // connected components ignore the limit
            assertThat(r.largest()).isEqualTo(6);
            assertThat(r.cutPairs()).isZero();
        }
        try (Engine db = TestDb.open()) {
            TestDb.records(
                    db,
                    "uid, fn, sn, dob",
                    "(0, 'ann', 'lee', 'd1'), (1, 'ann', 'lee', 'd1'), (2, 'ann', 'lee', 'd1'),"
                            + " (3, 'ann', 'lee', 'd1'), (4, 'ann', 'lee', 'd1')");
            Clusterer.Result r =
                    averageLinkage(db, new ClusteringSettings(Method.AVERAGE_LINKAGE, 3, List.of(), 0.1, -20));
            assertThat(r.largest()).isEqualTo(3);
            assertThat(r.cutPairs()).isPositive();
            assertThat(clusters(db).values().stream().distinct()).hasSize(2);
        }
    }

    @Test
    void aRecordWhoseEveryPairIsCutStaysAloneAndIsNoGroup() {
        try (Engine db = TestDb.open()) {
            TestDb.records(
                    db,
                    "uid, fn, sn, dob",
                    "(0, 'ann', 'lee', 'd1'), (1, 'ann', 'lee', 'd1'), (2, 'ann', 'lee', 'd1'), (3, 'ann', 'lee', 'd1')");
            // equal pairs join in record order: 0-1, 0-2 make a group of three, and every pair of 3 is cut
            Clusterer.Result r =
                    averageLinkage(db, new ClusteringSettings(Method.AVERAGE_LINKAGE, 3, List.of(), 0.1, -20));
            assertThat(r.candidateGroups()).isEqualTo(1);
            assertThat(r.cutPairs()).isEqualTo(3);
            assertThat(clusters(db)).containsEntry(3L, 3L).containsEntry(2L, 0L);
            assertThat(db.query("SELECT cluster_id, size FROM cluster_shapes")).containsExactly(List.of(0L, 3));
        }
    }
}
