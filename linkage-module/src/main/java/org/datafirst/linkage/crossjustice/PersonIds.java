package org.datafirst.linkage.crossjustice;

import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.ids.StableIds;
import org.datafirst.linkage.io.PreviousRun;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.StableIdStep;

/**
 * The one place where the pipeline mints person ids, for both families: each dataset's own id
 * ({@link #mintDatasetIds}) and the cross-justice id ({@link #mintCrossJusticeIds}). The clustering labels its
 * clusters with internal ids (row numbers, which depend on input order); they become person ids here:
 * <ul>
 * <li>without a previous run, 1, 2, 3 … numbered by the smallest (source dataset, unique id) in each cluster, so
 * the same records and the same clustering give the same ids whatever the order of rows and files;</li>
 * <li>with the family's state from a previous run ({@code --previous}), the ids carried over by
 * {@link StableIdStep} — the same code path as {@code run --previous} ({@link org.datafirst.linkage.ids.StableIds}):
 * people keep their ids, new ones are minted above the highest ever used, retired ids never return.</li>
 * </ul>
 * The cluster shapes are renumbered with them.
 */
final class PersonIds {

    private PersonIds() {}

    /**
     * Gives {@code clusters.cluster_id} (and {@code cluster_shapes}) of one dataset's deduplication their person ids;
     * returns what was carried over, or null without a previous run.
     */
    static StableIds.Result mintDatasetIds(Engine db, String dataset, PreviousRun.Contents previous) {
        return mint(db, previous);
    }

    /** As {@link #mintDatasetIds} for the cross-justice clustering. */
    static StableIds.Result mintCrossJusticeIds(Engine db, PreviousRun.Contents previous) {
        return mint(db, previous);
    }

    private static StableIds.Result mint(Engine db, PreviousRun.Contents previous) {
        if (previous != null) {
            return StableIdStep.run(db, previous.records(), PreviousRun.PERSON_ID, previous.state());
        }
        renumber(db);
        return null;
    }

    private static void renumber(Engine db) {
        db.createTable(
                "__id_map",
                "SELECT cluster_id, row_number() OVER (ORDER BY first_key) AS person_id FROM ("
                        + "SELECT c.cluster_id, min(r.__sd || chr(31) || r.__uid) AS first_key FROM " + Clusterer.TABLE
                        + " c JOIN "
                        + LoadStep.TABLE + " r USING (__rid) GROUP BY c.cluster_id)");
        db.createTable(
                Clusterer.TABLE,
                "SELECT c.__rid, m.person_id AS cluster_id FROM " + Clusterer.TABLE
                        + " c JOIN __id_map m USING (cluster_id)");
        db.createTable(
                Clusterer.SHAPES,
                "SELECT m.person_id AS cluster_id, s.size, s.edges, s.bridges, s.density, s.suspicious FROM "
                        + Clusterer.SHAPES + " s JOIN __id_map m USING (cluster_id)");
        db.dropTable("__id_map");
    }
}
