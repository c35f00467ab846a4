package org.datafirst.linkage.pipeline;

import org.datafirst.linkage.sql.Sql;

/**
 * Step "cluster": connected components of the graph whose edges are pairs at or above the
 * threshold, by iterative label propagation in SQL: every node takes the smallest label among itself
 * and its neighbours, then the label of its label (pointer jumping), until nothing changes. The
 * cluster id is the smallest {@code __rid} in the component. Writes {@code clusters(__rid, cluster_id)}.
 */
public final class Clusterer {

    public static final String TABLE = "clusters";

    private Clusterer() {
    }

    /** Result: number of clusters and propagation rounds. */
    public record Result(long clusters, int iterations) {
    }

    public static Result run(DuckDbSession db, String pairsTable, double threshold) {
        db.execute("CREATE OR REPLACE TEMP TABLE __edges AS SELECT rid_l AS a, rid_r AS b FROM " + pairsTable
                + " WHERE match_probability >= " + Sql.number(threshold) + " AND rid_l <> rid_r");
        db.execute("CREATE OR REPLACE TEMP TABLE __edges AS SELECT a, b FROM __edges UNION ALL SELECT b, a FROM __edges");
        db.execute("CREATE OR REPLACE TEMP TABLE __labels AS SELECT a AS node, min(least(a, b)) AS label FROM __edges GROUP BY a");
        int iterations = 1;
        while (true) {
            iterations++;
            db.execute("CREATE OR REPLACE TEMP TABLE __next AS SELECT n.node, least(n.label, coalesce(m.label, n.label)) AS label"
                    + " FROM __labels n LEFT JOIN (SELECT e.a AS node, min(nb.label) AS label FROM __edges e"
                    + " JOIN __labels nb ON nb.node = e.b GROUP BY e.a) m ON m.node = n.node");
            // pointer jumping: a node's label becomes its label's label
            db.execute("CREATE OR REPLACE TEMP TABLE __next AS SELECT n.node, least(n.label, coalesce(j.label, n.label)) AS label"
                    + " FROM __next n LEFT JOIN __next j ON j.node = n.label");
            // labels only ever decrease, so an unchanged sum means nothing changed
            boolean changed = db.queryDouble("SELECT coalesce(sum(label), 0)::DOUBLE FROM __next") != db.queryDouble("SELECT coalesce(sum(label), 0)::DOUBLE FROM __labels");
            db.execute("DROP TABLE __labels");
            db.execute("ALTER TABLE __next RENAME TO __labels");
            if (!changed) {
                break;
            }
            if (iterations > 1_000) {
                throw new PipelineException("clustering did not converge");
            }
        }
        db.execute("CREATE OR REPLACE TABLE " + TABLE + " AS SELECT r.__rid, coalesce(l.label, r.__rid) AS cluster_id FROM "
                + LoadStep.TABLE + " r LEFT JOIN __labels l ON l.node = r.__rid");
        db.execute("DROP TABLE __labels");
        db.execute("DROP TABLE __edges");
        return new Result(db.queryLong("SELECT count(DISTINCT cluster_id) FROM " + TABLE), iterations);
    }
}
