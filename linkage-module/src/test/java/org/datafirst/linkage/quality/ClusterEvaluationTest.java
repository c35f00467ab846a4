package org.datafirst.linkage.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.engine.Engine;
import org.junit.jupiter.api.Test;

class ClusterEvaluationTest {

    /**
     * Truth: people a (records 0-2), b (3-4), c (5). Clusters: {0, 1, 3} (chains a with b), {2}, {4, 5}.
     * Scored pairs: 0-1 0.99, 1-3 0.9, 4-5 0.8, 0-2 0.6, 3-4 0.3.
     */
    static Engine data() {
        Engine db = TestDb.open();
        TestDb.records(db, "uid, person", "(0, 'a'), (1, 'a'), (2, 'a'), (3, 'b'), (4, 'b'), (5, 'c')");
        db.execute(
                "CREATE TABLE clusters AS SELECT * FROM (VALUES (0, 0), (1, 0), (3, 0), (2, 2), (4, 4), (5, 4)) t(__rid, cluster_id)");
        db.execute(
                "CREATE TABLE predictions AS SELECT * FROM (VALUES (0, 1, 0.99), (1, 3, 0.9), (4, 5, 0.8), (0, 2, 0.6), (3, 4, 0.3))"
                        + " t(rid_l, rid_r, match_probability)");
        return db;
    }

    @Test
    void theClustersAreJudgedByEveryPairTheyImply() {
        try (Engine db = data()) {
            ClusterEvaluation e = ClusterEvaluation.fromTruth(db, "person", "truth", 0.5);
            // predicted pairs: 3 in {0,1,3} + 1 in {4,5} = 4; true: 3 (a) + 1 (b) = 4; TP: 0-1 only
            assertThat(e.pairwise().tp()).isEqualTo(1);
            assertThat(e.pairwise().fp()).isEqualTo(3);
            assertThat(e.pairwise().fn()).isEqualTo(3);
            // B-cubed precision: records 0,1: 2/3; 3: 1/3; 2: 1; 4: 1/2; 5: 1/2 → (2/3 + 2/3 + 1/3 + 1 + 1/2 + 1/2) / 6
            assertThat(e.bcubed().precision()).isCloseTo((2 / 3.0 * 2 + 1 / 3.0 + 1 + 1) / 6, within(1e-9));
            // recall: 0,1: 2/3; 2: 1/3; 3: 1/2; 4: 1/2; 5: 1
            assertThat(e.bcubed().recall()).isCloseTo((2 / 3.0 * 2 + 1 / 3.0 + 1 + 1) / 6, within(1e-9));
            ClusterEvaluation.Purity p = e.purity();
            assertThat(p.clusters()).isEqualTo(2);
            assertThat(p.mixedClusters()).isEqualTo(2);
            assertThat(p.recordsInMixedClusters()).isEqualTo(5);
            assertThat(p.people()).isEqualTo(2);
            assertThat(p.splitPeople()).isEqualTo(2);
            assertThat(p.largestTruePerson()).isEqualTo(3);
            assertThat(p.largest().get(0)).isEqualTo(new ClusterEvaluation.LargeCluster(3, 2));
        }
    }

    @Test
    void theBaselineIsConnectedComponentsAtTheirBestSingleThreshold() {
        try (Engine db = data()) {
            // F1 by threshold: 0.99 {0,1}: 0.4; 0.9 {0,1,3}: 0.29; 0.8 + {4,5}: 0.25;
            // 0.6 {0,1,2,3} {4,5}: TP 3 FP 4 FN 1, 0.55; 0.3 one cluster: TP 4 FP 11, 0.42
            Metrics best = ComponentsSweep.best(db, "person");
            assertThat(best.threshold()).isEqualTo(0.6);
            assertThat(best.tp()).isEqualTo(3);
            assertThat(best.fp()).isEqualTo(4);
            assertThat(best.fn()).isEqualTo(1);
        }
    }

    @Test
    void withLabelsOnlyTheLabelledPairsAreJudged() {
        try (Engine db = data()) {
            db.execute(
                    "CREATE TABLE labels AS SELECT * FROM (VALUES (0, 1, 1.0), (1, 3, 0.0), (0, 2, 1.0)) t(rid_l, rid_r, score)");
            ClusterEvaluation e = ClusterEvaluation.fromLabels(db, "labels", "labels", 0.5);
            assertThat(e.pairwise().tp()).isEqualTo(1);
            assertThat(e.pairwise().fp()).isEqualTo(1);
            assertThat(e.pairwise().fn()).isEqualTo(1);
            assertThat(e.bcubed()).isNull();
        }
    }
}
