package org.datafirst.linkage.crossjustice;

import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.DuckDbSession;
import org.datafirst.linkage.pipeline.LoadStep;

/**
 * The one place where the pipeline mints person ids, for both families: each dataset's own id
 * ({@link #mintDatasetIds}) and the cross-justice id ({@link #mintCrossJusticeIds}). Both turn the
 * clustering's internal cluster ids (row numbers, which depend on input order) into ids 1, 2, 3 … numbered
 * by the smallest (source dataset, unique id) in each cluster, so the same records and the same clustering
 * give the same ids whatever the order of rows and files. The cluster shapes are renumbered with them.
 *
 * <p>Ids carried over from a previous run (issue 12 item 3, {@code --previous}) are minted here too: the
 * stable-id component maps the previous run's record → id lookup and this clustering to the new ids; this
 * class is where the pipeline will call it, for each family, and nowhere else.
 */
final class PersonIds {

    private PersonIds() {}

    /** Renumbers {@code clusters.cluster_id} (and {@code cluster_shapes}) of one dataset's deduplication. */
    static void mintDatasetIds(DuckDbSession db, String dataset) {
        renumber(db);
    }

    /** Renumbers {@code clusters.cluster_id} (and {@code cluster_shapes}) of the cross-justice clustering. */
    static void mintCrossJusticeIds(DuckDbSession db) {
        renumber(db);
    }

    private static void renumber(DuckDbSession db) {
        db.execute(
                "CREATE OR REPLACE TEMP TABLE __id_map AS SELECT cluster_id, row_number() OVER (ORDER BY first_key) AS person_id FROM ("
                        + "SELECT c.cluster_id, min(r.__sd || chr(31) || r.__uid) AS first_key FROM " + Clusterer.TABLE
                        + " c JOIN "
                        + LoadStep.TABLE + " r USING (__rid) GROUP BY c.cluster_id)");
        db.execute("CREATE OR REPLACE TABLE " + Clusterer.TABLE + " AS SELECT c.__rid, m.person_id AS cluster_id FROM "
                + Clusterer.TABLE + " c JOIN __id_map m USING (cluster_id)");
        db.execute("CREATE OR REPLACE TABLE " + Clusterer.SHAPES
                + " AS SELECT m.person_id AS cluster_id, s.size, s.edges, s.bridges, s.density, s.suspicious FROM "
                + Clusterer.SHAPES + " s JOIN __id_map m USING (cluster_id)");
        db.execute("DROP TABLE __id_map");
    }
}
