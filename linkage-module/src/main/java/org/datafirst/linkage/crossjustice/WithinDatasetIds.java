package org.datafirst.linkage.crossjustice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.datafirst.linkage.io.OutputWriter;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.DuckDbSession;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.PipelineException;
import org.datafirst.linkage.sql.Sql;

/**
 * A within-dataset person id never spans two cross-justice ids. The cross-justice clustering starts from
 * each dataset's own clusters: their records are tied together with pairs of probability 1 (so candidate
 * groups always hold whole dataset clusters), and the cross-dataset pairs join them. Average linkage may
 * still split a group between records of one dataset cluster; {@link #keepWhole} then moves the whole
 * dataset cluster into the cross-justice cluster holding most of its records (ties: the smaller id).
 */
final class WithinDatasetIds {

    static final String TABLE = "__dataset_clusters";

    private WithinDatasetIds() {
    }

    /** {@code __dataset_clusters(__rid, dataset_cluster)} from each dataset's person-id file. */
    static void load(DuckDbSession db, List<PipelineConfig.Source> sources, Function<PipelineConfig.Source, Path> idFile) {
        List<String> parts = new ArrayList<>();
        for (PipelineConfig.Source s : sources) {
            Path path = idFile.apply(s);
            String file = Sql.string(path.toAbsolutePath().toString());
            String reader = CrossJusticePipeline.formatOf(path) == OutputWriter.Format.CSV
                    ? "read_csv(" + file + ", all_varchar = true)" : "read_parquet(" + file + ")";
            parts.add("SELECT " + Sql.string(s.dataset()) + " AS sd, CAST(unique_id AS VARCHAR) AS uid, CAST("
                    + Sql.ident(s.personIdColumn()) + " AS VARCHAR) AS id FROM " + reader);
        }
        db.execute("CREATE OR REPLACE TABLE __dataset_ids AS " + String.join(" UNION ALL ", parts));
        db.execute("CREATE OR REPLACE TABLE " + TABLE + " AS SELECT r.__rid, d.sd || chr(31) || d.id AS dataset_cluster FROM "
                + LoadStep.TABLE + " r JOIN __dataset_ids d ON d.sd = r.__sd AND d.uid = r.__uid");
        long missing = db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE) - db.queryLong("SELECT count(*) FROM " + TABLE);
        db.execute("DROP TABLE __dataset_ids");
        if (missing != 0) {
            throw new PipelineException(missing + " records have no within-dataset person id (the dataset outputs do not match the sources;"
                    + " run again with --force)");
        }
    }

    /** A pairs table for the clustering: the scored pairs plus each record tied to its dataset cluster's first record. */
    static String pairsWithDatasetClusters(DuckDbSession db, String scoredPairs) {
        db.execute("CREATE OR REPLACE TABLE __xjs_pairs AS SELECT rid_l, rid_r, match_probability FROM " + scoredPairs
                + " UNION ALL SELECT root, __rid, 1.0 FROM (SELECT __rid, min(__rid) OVER (PARTITION BY dataset_cluster) AS root FROM "
                + TABLE + ") WHERE __rid <> root");
        return "__xjs_pairs";
    }

    /**
     * Moves every split dataset cluster whole into its majority cross-justice cluster; returns the records moved away
     * from a cross-justice cluster that held records of another dataset (the clustering had linked them elsewhere).
     */
    static long keepWhole(DuckDbSession db) {
        db.execute("CREATE OR REPLACE TEMP TABLE __majority AS SELECT dataset_cluster, cluster_id FROM (SELECT dataset_cluster, cluster_id,"
                + " row_number() OVER (PARTITION BY dataset_cluster ORDER BY n DESC, cluster_id) AS k FROM (SELECT d.dataset_cluster, c.cluster_id,"
                + " count(*) AS n FROM " + Clusterer.TABLE + " c JOIN " + TABLE + " d USING (__rid) GROUP BY d.dataset_cluster, c.cluster_id))"
                + " WHERE k = 1");
        // a dataset cluster with no cross-dataset pair comes back from average linkage as single records (pairs within
        // one dataset carry no evidence for a link-only model); joining those again moves nobody away from a link
        long moved = db.queryLong("SELECT count(*) FROM " + Clusterer.TABLE + " c JOIN " + TABLE + " d USING (__rid) JOIN __majority m"
                + " USING (dataset_cluster) JOIN (SELECT c2.cluster_id, count(DISTINCT r.__sd) AS datasets FROM " + Clusterer.TABLE
                + " c2 JOIN " + LoadStep.TABLE + " r USING (__rid) GROUP BY c2.cluster_id) k ON k.cluster_id = c.cluster_id"
                + " WHERE m.cluster_id <> c.cluster_id AND k.datasets > 1");
        if (db.queryLong("SELECT count(*) FROM " + Clusterer.TABLE + " c JOIN " + TABLE + " d USING (__rid) JOIN __majority m"
                + " USING (dataset_cluster) WHERE m.cluster_id <> c.cluster_id") > 0) {
            db.execute("CREATE OR REPLACE TABLE " + Clusterer.TABLE + " AS SELECT c.__rid, m.cluster_id FROM " + Clusterer.TABLE
                    + " c JOIN " + TABLE + " d USING (__rid) JOIN __majority m USING (dataset_cluster)");
        }
        db.execute("DROP TABLE __majority");
        db.execute("DROP TABLE __xjs_pairs");
        return moved;
    }
}
