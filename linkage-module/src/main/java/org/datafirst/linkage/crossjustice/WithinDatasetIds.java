package org.datafirst.linkage.crossjustice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.PipelineException;
import org.datafirst.linkage.settings.BlockingRule;
import org.datafirst.linkage.settings.ClusteringSettings;
import org.datafirst.linkage.settings.LinkType;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Sql;

/**
 * A within-dataset person id never spans two cross-justice ids. The cross-justice clustering starts from
 * each dataset's own clusters: every pair of records of one dataset person is a pair of probability 1 (so
 * candidate groups always hold whole dataset people), and the cross-dataset pairs join them. The clustering
 * re-scores groups with the link model over all their pairs ({@link #clusteringModel}). Average linkage may
 * still split a group between records of one dataset person; {@link #keepWhole} then moves the whole
 * dataset person into the cross-justice cluster holding most of its records (ties: the smaller id).
 */
final class WithinDatasetIds {

    static final String TABLE = "__dataset_clusters";

    private WithinDatasetIds() {}

    /** {@code __dataset_clusters(__rid, dataset_cluster)} from each dataset's person-id file. */
    static void load(Engine db, List<PipelineConfig.Source> sources, Function<PipelineConfig.Source, Path> idFile) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            PipelineConfig.Source s = sources.get(i);
            db.registerFile("__dataset_ids_" + i, idFile.apply(s));
            String text = db.dialect().textType();
            parts.add("SELECT " + Sql.text(s.dataset()) + " AS sd, CAST(unique_id AS " + text + ") AS uid, CAST("
                    + Sql.ident(s.personIdColumn()) + " AS " + text + ") AS id FROM __dataset_ids_" + i);
        }
        db.createTable("__dataset_ids", String.join(" UNION ALL ", parts));
        for (int i = 0; i < sources.size(); i++) {
            db.dropTable("__dataset_ids_" + i);
        }
        db.createTable(
                TABLE,
                "SELECT r.__rid, d.sd || chr(31) || d.id AS dataset_cluster FROM " + LoadStep.TABLE
                        + " r JOIN __dataset_ids d ON d.sd = r.__sd AND d.uid = r.__uid");
        long missing =
                db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE) - db.queryLong("SELECT count(*) FROM " + TABLE);
        db.dropTable("__dataset_ids");
        if (missing != 0) {
            throw new PipelineException(
                    missing + " records have no within-dataset person id (the dataset outputs do not match the sources;"
                            + " run again with --force)");
        }
    }

    /**
     * A pairs table for the clustering: the scored pairs plus every pair of records of one dataset person at
     * probability 1, so a dataset person alone is a clique (kept whole, not re-scored) and the cluster shapes
     * (density, bridges) see dataset people as wholes.
     */
    static String pairsWithDatasetClusters(Engine db, String scoredPairs) {
        db.createTable(
                "__xjs_pairs",
                "SELECT rid_l, rid_r, match_probability FROM " + scoredPairs
                        + " UNION ALL SELECT a.__rid, b.__rid, 1.0 FROM " + TABLE + " a JOIN " + TABLE
                        + " b ON a.dataset_cluster = b.dataset_cluster"
                        + " AND a.__rid < b.__rid");
        return "__xjs_pairs";
    }

    /**
     * The link model's clustering over all records: every pair in a candidate group is re-scored, within a dataset
     * too, so the link model's view of two records of one dataset (and its cannot-link rules and veto) count in the
     * averages. Two records of one dataset with different dataset ids are not made cannot-link: on synthetic data
     * that cost more recall (people the dataset's model split stay split) than it gained precision.
     */
    static LinkageModel clusteringModel(LinkageModel link) {
        LinkageSettings s = link.settings();
        ClusteringSettings c = s.clustering();
        List<BlockingRule> cannot = new ArrayList<>(c.cannotLinkRules());
        LinkageSettings clustering = new LinkageSettings(
                LinkType.LINK_AND_DEDUPE,
                s.uniqueIdColumn(),
                s.sourceDatasetColumn(),
                s.roleColumn(),
                s.comparisons(),
                s.blockingRules(),
                s.training(),
                s.matchThreshold(),
                s.scoredPairsFloor(),
                s.personIdColumn(),
                s.lowercase(),
                new ClusteringSettings(
                        c.method(), c.maxComponentSize(), cannot, c.mergeMeanProbability(), c.vetoMatchWeight()));
        return new LinkageModel(clustering, link.settingsJson(), link.lambda(), link.m(), link.u(), link.training());
    }

    /**
     * Moves every split dataset cluster whole into its majority cross-justice cluster; returns the records moved away
     * from a cross-justice cluster that held records of another dataset (the clustering had linked them elsewhere).
     */
    static long keepWhole(Engine db) {
        // each record with its cluster and the cluster holding most of its dataset person (ties: the smaller id)
        db.createTable(
                "__placed",
                "SELECT c.__rid, c.cluster_id, d.dataset_cluster FROM " + Clusterer.TABLE + " c JOIN " + TABLE
                        + " d USING (__rid)");
        db.createTable(
                "__majority",
                "SELECT dataset_cluster, cluster_id FROM (SELECT dataset_cluster, cluster_id,"
                        + " row_number() OVER (PARTITION BY dataset_cluster ORDER BY n DESC, cluster_id) AS k FROM (SELECT dataset_cluster,"
                        + " cluster_id, count(*) AS n FROM __placed GROUP BY dataset_cluster, cluster_id)) WHERE k = 1");
        db.createTable(
                "__placed",
                "SELECT p.__rid, p.cluster_id, m.cluster_id AS majority"
                        + " FROM __placed p JOIN __majority m USING (dataset_cluster)");
        db.dropTable("__majority");
        // only records taken away from a cluster holding another dataset's records count as moved
        long moved = db.queryLong("SELECT count(*) FROM __placed p JOIN (SELECT c.cluster_id FROM " + Clusterer.TABLE
                + " c JOIN " + LoadStep.TABLE + " r USING (__rid) WHERE c.cluster_id IN"
                + " (SELECT cluster_id FROM __placed WHERE cluster_id <> majority)"
                + " GROUP BY c.cluster_id HAVING count(DISTINCT r.__sd) > 1) k USING (cluster_id)"
                + " WHERE p.cluster_id <> p.majority");
        if (db.queryLong("SELECT count(*) FROM __placed WHERE cluster_id <> majority") > 0) {
            db.createTable(Clusterer.TABLE, "SELECT __rid, majority AS cluster_id FROM __placed");
        }
        db.dropTable("__placed");
        db.dropTable("__xjs_pairs");
        return moved;
    }
}
