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

    private static double labelSum(DuckDbSession db) {
        return db.queryDouble("SELECT coalesce(sum(label), 0)::DOUBLE FROM __labels");
    }

    public static Result run(DuckDbSession db, String pairsTable, double threshold) {
        db.execute("CREATE OR REPLACE TEMP TABLE __edges AS SELECT rid_l AS a, rid_r AS b FROM " + pairsTable
                + " WHERE match_probability >= " + Sql.number(threshold) + " AND rid_l <> rid_r");
        db.execute("CREATE OR REPLACE TEMP TABLE __edges AS SELECT a, b FROM __edges UNION ALL SELECT b, a FROM __edges");
        db.execute("CREATE OR REPLACE TEMP TABLE __labels AS SELECT a AS node, min(least(a, b)) AS label FROM __edges GROUP BY a");
        int iterations = 1;
        double sum = labelSum(db);
        while (true) {
            iterations++;
            // every labelled node has an edge, so the neighbour minimum covers all of them;
            // then pointer jumping: a node's label becomes its label's label
            db.execute("CREATE OR REPLACE TEMP TABLE __next AS WITH m AS (SELECT e.a AS node, min(nb.label) AS label FROM __edges e"
                    + " JOIN __labels nb ON nb.node = e.b GROUP BY e.a), n AS (SELECT m.node, least(o.label, m.label) AS label"
                    + " FROM m JOIN __labels o ON o.node = m.node) SELECT n.node, least(n.label, coalesce(j.label, n.label)) AS label"
                    + " FROM n LEFT JOIN n j ON j.node = n.label");
            db.execute("DROP TABLE __labels");
            db.execute("ALTER TABLE __next RENAME TO __labels");
            // labels only ever decrease, so an unchanged sum means nothing changed
            double next = labelSum(db);
            if (next == sum) {
                break;
            }
            sum = next;
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
