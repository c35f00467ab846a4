package org.datafirst.linkage.pipeline;

import java.nio.file.Path;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.ids.IdState;
import org.datafirst.linkage.ids.StableIds;
import org.datafirst.linkage.sql.Sql;

/**
 * Step "stable ids": replaces the cluster labels in {@code clusters} and {@code cluster_shapes} by person
 * ids carried from the previous run ({@link StableIds}), and writes the audit trail to {@link #CHANGES}
 * ({@code previous_id, id, records, change}; a missing id is NULL).
 */
public final class StableIdStep {

    public static final String CHANGES = "id_changes";

    private StableIdStep() {}

    /**
     * @param previousRecords a Parquet file of the previous run's records: {@code __sd, __uid} and their id in
     *        {@code idColumn}
     */
    public static StableIds.Result run(Engine db, Path previousRecords, String idColumn, IdState state) {
        db.createTable(
                "__previous_ids",
                "SELECT __sd, __uid, CAST(" + Sql.ident(idColumn) + " AS BIGINT) AS id FROM "
                        + db.dialect().parquetFile(previousRecords.toString()));
        db.createTable(
                "__previous_by_rid",
                "SELECT r.__rid, p.id FROM " + LoadStep.TABLE
                        + " r JOIN __previous_ids p ON p.__sd = r.__sd AND p.__uid = r.__uid");
        long[] gone = db
                .query("SELECT p.id FROM __previous_ids p LEFT JOIN " + LoadStep.TABLE
                        + " r ON p.__sd = r.__sd AND p.__uid = r.__uid WHERE r.__rid IS NULL")
                .stream()
                .mapToLong(r -> ((Number) r.get(0)).longValue())
                .toArray();
        db.dropTable("__previous_ids");
        StableIds.Result result = run(db, "__previous_by_rid", gone, state);
        db.dropTable("__previous_by_rid");
        return result;
    }

    /**
     * As above when the earlier ids of the present records are known by row: {@code previousByRid(__rid, id)}
     * (records absent from it are new), {@code goneRecordIds} the ids of earlier records no longer present.
     */
    public static StableIds.Result run(Engine db, String previousByRid, long[] goneRecordIds, IdState state) {
        int n = Math.toIntExact(db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE));
        long[] previous = new long[n];
        long[] cluster = new long[n];
        db.forEachRow(
                "SELECT c.__rid, coalesce(p.id, " + StableIds.NONE + "), c.cluster_id FROM " + Clusterer.TABLE
                        + " c LEFT JOIN " + previousByRid + " p USING (__rid)",
                rs -> {
                    int rid = rs.getInt(1);
                    previous[rid] = rs.getLong(2);
                    cluster[rid] = rs.getLong(3);
                });
        StableIds.Result result = StableIds.assign(previous, cluster, goneRecordIds, state);
        relabel(db, result);
        return result;
    }

    private static void relabel(Engine db, StableIds.Result result) {
        try (Engine.TableWriter a = db.newTable("__ids", "__rid BIGINT, person_id BIGINT")) {
            long[] ids = result.ids();
            for (int rid = 0; rid < ids.length; rid++) {
                a.row((long) rid, ids[rid]);
            }
        }
        db.createTable(
                "__relabel",
                "SELECT DISTINCT c.cluster_id AS old, i.person_id AS new FROM " + Clusterer.TABLE
                        + " c JOIN __ids i USING (__rid)");
        db.createTable(Clusterer.TABLE, "SELECT __rid, person_id AS cluster_id FROM __ids");
        if (db.tableExists(Clusterer.SHAPES)) {
            StringBuilder rest = new StringBuilder();
            for (String c : db.columns(Clusterer.SHAPES)) {
                if (!c.equals("cluster_id")) {
                    rest.append(", s.").append(Sql.ident(c));
                }
            }
            db.createTable(
                    Clusterer.SHAPES,
                    "SELECT m.new AS cluster_id" + rest + " FROM " + Clusterer.SHAPES
                            + " s JOIN __relabel m ON m.old = s.cluster_id");
        }
        db.dropTable("__ids");
        db.dropTable("__relabel");
        try (Engine.TableWriter a =
                db.newTable("__changes", "previous_id BIGINT, id BIGINT, records BIGINT, change INTEGER")) {
            for (StableIds.Lineage l : result.lineage()) {
                a.row(l.previousId(), l.id(), l.records(), l.change().ordinal());
            }
        }
        StringBuilder change = new StringBuilder("CASE change");
        for (StableIds.Change c : StableIds.Change.values()) {
            change.append(" WHEN ")
                    .append(c.ordinal())
                    .append(" THEN ")
                    .append(Sql.string(c.name().toLowerCase(java.util.Locale.ROOT)));
        }
        db.createTable(
                CHANGES,
                "SELECT nullif(previous_id, " + StableIds.NONE
                        + ") AS previous_id, nullif(id, " + StableIds.NONE + ") AS id, records, " + change
                        + " END AS change FROM __changes");
        db.dropTable("__changes");
    }

    /** The state after a run without a previous one: the ids are the cluster labels as they are. */
    public static IdState firstRunState(Engine db) {
        return new IdState(
                Math.max(0, db.queryLong("SELECT coalesce(max(cluster_id), 0) FROM " + Clusterer.TABLE)),
                java.util.Set.of());
    }
}
