package org.datafirst.linkage.quality;

import java.util.ArrayList;
import java.util.List;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.LoadStep;

/**
 * Accuracy of the person ids as written, i.e. of the clusters, not of the accepted pairs behind them.
 * Connected components turn a chain of good pairs into one person; only these measures see that.
 *
 * <ul>
 * <li><b>Pairwise</b>: every pair of records inside one cluster is a predicted match (the transitive
 * closure, exactly what a researcher counting records per person id gets); against the truth, true pairs
 * are all pairs of records of one true person. With clerical labels, only the labelled pairs are judged:
 * a labelled pair is predicted a match when both records got the same person id.</li>
 * <li><b>B-cubed</b> (truth only): per record, precision = share of its cluster that is the same true
 * person, recall = share of its true person that is in its cluster; averaged over records.</li>
 * <li><b>Purity</b> (truth only): clusters that mix people, true people split over several clusters,
 * and the largest clusters with the number of true people in each.</li>
 * </ul>
 * Records with no truth value count as people of their own.
 *
 * @param method what the truth is
 * @param pairwise pairwise precision / recall / F1 of the clusters with 95% intervals (the pairs inside a
 *        cluster are not independent, so the intervals are indicative)
 * @param bcubed B-cubed precision, recall and F1, or null with labels
 * @param purity cluster purity and completeness, or null with labels
 * @param bestComponents the baseline: connected components of the scored pairs at the single threshold that
 *        gives them the best pairwise F1 (see {@link ComponentsSweep}), or null with labels
 */
public record ClusterEvaluation(String method, Metrics pairwise, BCubed bcubed, Purity purity, Metrics bestComponents) {

    public record BCubed(double precision, double recall, double f1) {}

    /**
     * @param clusters clusters of two or more records
     * @param mixedClusters of them, those holding more than one true person
     * @param recordsInMixedClusters records in such clusters
     * @param people true people with two or more records
     * @param splitPeople of them, those spread over more than one cluster
     * @param largestTruePerson records of the largest true person
     * @param largest the ten largest clusters, largest first
     */
    public record Purity(
            long clusters,
            long mixedClusters,
            long recordsInMixedClusters,
            long people,
            long splitPeople,
            long largestTruePerson,
            List<LargeCluster> largest) {}

    /** A cluster's size in records and the number of true people in it. */
    public record LargeCluster(long records, long people) {}

    /** Against a truth column of the records table (an SQL expression over {@code r}). */
    public static ClusterEvaluation fromTruth(Engine db, String truthColumn, String method, double threshold) {
        db.createTable(
                "__ct",
                "SELECT c.cluster_id AS c, CASE WHEN r." + truthColumn
                        + " IS NULL THEN 'r' || r.__rid ELSE 't' || r." + truthColumn + " END AS t FROM "
                        + LoadStep.TABLE
                        + " r JOIN " + Clusterer.TABLE + " c USING (__rid)");
        db.createTable(
                "__ct_cells",
                "SELECT c, t, count(*)::DECIMAL(38, 0) AS n,"
                        + " sum(count(*)) OVER (PARTITION BY c)::DECIMAL(38, 0) AS nc, sum(count(*)) OVER (PARTITION BY t)::DECIMAL(38, 0) AS nt FROM __ct GROUP BY c, t");
        var row = db.query(
                        "SELECT sum(n * (n - 1) / 2)::BIGINT, sum(n)::BIGINT, sum(n::DOUBLE * n / nc), sum(n::DOUBLE * n / nt) FROM __ct_cells")
                .get(0);
        long tp = number(row.get(0));
        long records = number(row.get(1));
        long predicted =
                db.queryLong("SELECT sum(nc * (nc - 1) / 2)::BIGINT FROM (SELECT DISTINCT c, nc FROM __ct_cells)");
        long truePairs =
                db.queryLong("SELECT sum(nt * (nt - 1) / 2)::BIGINT FROM (SELECT DISTINCT t, nt FROM __ct_cells)");
        Metrics pairwise = Metrics.of(threshold, tp, predicted - tp, truePairs - tp);
        double bp = records == 0 ? 1 : ((Number) row.get(2)).doubleValue() / records;
        double br = records == 0 ? 1 : ((Number) row.get(3)).doubleValue() / records;
        BCubed bcubed = new BCubed(bp, br, bp + br == 0 ? 0 : 2 * bp * br / (bp + br));

        var mixed = db.query(
                        "SELECT count(*), count(*) FILTER (WHERE people > 1), coalesce(sum(size) FILTER (WHERE people > 1), 0)"
                                + " FROM (SELECT c, count(*) AS people, any_value(nc) AS size FROM __ct_cells GROUP BY c) WHERE size > 1")
                .get(0);
        var split = db.query(
                        "SELECT count(*), count(*) FILTER (WHERE clusters > 1), coalesce(max(size), 0) FROM (SELECT t, count(*) AS clusters,"
                                + " any_value(nt) AS size FROM __ct_cells GROUP BY t) WHERE size > 1")
                .get(0);
        List<LargeCluster> largest = new ArrayList<>();
        for (var r : db.query(
                "SELECT any_value(nc)::BIGINT, count(*) FROM __ct_cells GROUP BY c ORDER BY 1 DESC, 2 DESC LIMIT 10")) {
            largest.add(new LargeCluster(number(r.get(0)), number(r.get(1))));
        }
        Purity purity = new Purity(
                number(mixed.get(0)),
                number(mixed.get(1)),
                number(mixed.get(2)),
                number(split.get(0)),
                number(split.get(1)),
                Math.max(1, number(split.get(2))),
                largest);
        db.dropTable("__ct_cells");
        db.dropTable("__ct");
        return new ClusterEvaluation(method, pairwise, bcubed, purity, ComponentsSweep.best(db, truthColumn));
    }

    /** Against clerical labels in a table {@code (rid_l, rid_r, score)}: a score of at least 0.5 is a match. */
    public static ClusterEvaluation fromLabels(Engine db, String labelPairs, String method, double threshold) {
        var row = db.query("SELECT count(*) FILTER (WHERE p.score >= 0.5 AND cl.cluster_id = cr.cluster_id),"
                        + " count(*) FILTER (WHERE p.score < 0.5 AND cl.cluster_id = cr.cluster_id),"
                        + " count(*) FILTER (WHERE p.score >= 0.5 AND cl.cluster_id <> cr.cluster_id)"
                        + " FROM (SELECT DISTINCT rid_l, rid_r, score FROM " + labelPairs + ") p JOIN "
                        + Clusterer.TABLE
                        + " cl ON cl.__rid = p.rid_l JOIN " + Clusterer.TABLE + " cr ON cr.__rid = p.rid_r")
                .get(0);
        return new ClusterEvaluation(
                method,
                Metrics.of(threshold, number(row.get(0)), number(row.get(1)), number(row.get(2))),
                null,
                null,
                null);
    }

    private static long number(Object v) {
        return v == null ? 0 : ((Number) v).longValue();
    }
}
