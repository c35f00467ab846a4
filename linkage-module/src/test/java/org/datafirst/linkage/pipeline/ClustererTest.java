package org.datafirst.linkage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.datafirst.linkage.TestDb;
import org.junit.jupiter.api.Test;

class ClustererTest {

    /** Nodes 0..n-1 and edges (a, b, probability). */
    static Map<Long, Long> cluster(int nodes, String edges, double threshold) {
        try (DuckDbSession db = TestDb.open()) {
            db.execute("CREATE TABLE records AS SELECT range AS __rid FROM range(" + nodes + ")");
            db.execute("CREATE TABLE edges_in (rid_l BIGINT, rid_r BIGINT, match_probability DOUBLE)");
            if (!edges.isEmpty()) {
                db.execute("INSERT INTO edges_in VALUES " + edges);
            }
            Clusterer.run(db, "edges_in", threshold);
            return db.query("SELECT __rid, cluster_id FROM clusters").stream()
                    .collect(Collectors.toMap(r -> ((Number) r.get(0)).longValue(), r -> ((Number) r.get(1)).longValue()));
        }
    }

    @Test
    void isolatedNodesAreTheirOwnClusters() {
        assertThat(cluster(3, "", 0.5)).isEqualTo(Map.of(0L, 0L, 1L, 1L, 2L, 2L));
    }

    @Test
    void aLongChainBecomesOneClusterLabelledByItsSmallestNode() {
        // 9 - 8 - 7 - ... - 0 given in scrambled order
        String chain = "(5, 6, 0.9), (0, 1, 0.9), (8, 9, 0.9), (3, 4, 0.9), (1, 2, 0.9), (6, 7, 0.9), (2, 3, 0.9), (7, 8, 0.9), (4, 5, 0.9)";
        Map<Long, Long> c = cluster(10, chain, 0.5);
        assertThat(c.values()).containsOnly(0L);
    }

    @Test
    void edgesBelowTheThresholdDoNotJoinComponents() {
        String g = "(0, 1, 0.99), (1, 2, 0.7), (2, 3, 0.4), (3, 4, 0.95), (5, 4, 0.6), (6, 7, 0.2)";
        Map<Long, Long> c = cluster(8, g, 0.5);
        assertThat(c).containsEntry(0L, 0L).containsEntry(1L, 0L).containsEntry(2L, 0L)
                .containsEntry(3L, 3L).containsEntry(4L, 3L).containsEntry(5L, 3L)
                .containsEntry(6L, 6L).containsEntry(7L, 7L);
        assertThat(cluster(8, g, 0.8).get(2L)).isEqualTo(2L);
    }

    @Test
    void aStarAndACycleAreEachOneComponent() {
        String g = "(4, 1, 0.9), (4, 2, 0.9), (4, 3, 0.9), (5, 6, 0.9), (6, 7, 0.9), (7, 5, 0.9)";
        Map<Long, Long> c = cluster(8, g, 0.5);
        assertThat(List.of(c.get(1L), c.get(2L), c.get(3L), c.get(4L))).containsOnly(1L);
        assertThat(List.of(c.get(5L), c.get(6L), c.get(7L))).containsOnly(5L);
        assertThat(c.get(0L)).isEqualTo(0L);
    }
}
