package org.datafirst.linkage.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.ClusteringSettings;
import org.datafirst.linkage.settings.LinkType;
import org.datafirst.linkage.sql.Sql;

/**
 * Step "cluster": person ids from the scored pairs. Writes {@code clusters(__rid, cluster_id)}, the
 * cluster id being the smallest {@code __rid} in the cluster, and {@link #SHAPES} with the size, accepted
 * edges, density and bridges of every cluster of two or more records.
 *
 * <ol>
 * <li>Candidate groups: the connected components of the accepted pairs (probability at or above the
 * threshold), found by the engine ({@link Engine#connectedComponents}). For connected components these
 * groups are the clusters. For average linkage a group may not grow past {@code max_component_size}: in a
 * larger component the accepted pairs join groups strongest first and a pair that would make a group larger
 * is left out, so the weakest links of a giant chain are the ones cut.</li>
 * <li>Average linkage only: a group whose records all accept each other (and hold no cannot-link pair) is
 * one cluster. In every other group each pair is scored by the model (most were never blocked together);
 * pairs that a cannot-link rule forbids, or that the model scores below {@code veto_match_weight} (sure
 * they are different people), may never share a cluster; and {@link AverageLinkage} merges clusters while
 * the mean match probability of the pairs across them reaches {@code merge_mean_probability}.</li>
 * </ol>
 *
 * <p>Work that needs a whole group at once (cutting a large component, average linkage, a cluster's bridges)
 * runs per group through {@link Engine#createTableByGroup}, so on Spark it runs on the executors and nothing
 * the size of the data passes through the driver.
 */
public final class Clusterer {

    public static final String TABLE = "clusters";
    public static final String SHAPES = "cluster_shapes";

    private static final String SHAPE_COLUMNS =
            "cluster_id BIGINT, size INTEGER, edges BIGINT, bridges INTEGER, density DOUBLE, suspicious BOOLEAN";

    private Clusterer() {}

    /**
     * What the clustering did.
     *
     * @param clusters clusters, including single records
     * @param largest records in the largest cluster
     * @param candidateGroups groups of two or more records formed by the accepted pairs
     * @param cutPairs accepted pairs left out because they would have made a group larger than allowed
     * @param rescoredPairs pairs inside candidate groups scored for average linkage
     * @param suspicious clusters of three or more records with density below 0.5 or a bridge
     */
    public record Result(
            ClusteringSettings.Method method,
            long clusters,
            int largest,
            long candidateGroups,
            long cutPairs,
            long rescoredPairs,
            long suspicious) {}

    public static Result run(
            Engine db, LinkageModel model, ClusteringSettings clustering, String pairsTable, double threshold) {
        db.createTable(
                "__accepted",
                "SELECT rid_l, rid_r, match_probability FROM " + pairsTable + " WHERE match_probability >= "
                        + Sql.number(threshold) + " AND rid_l <> rid_r");
        db.connectedComponents("__components", "SELECT rid_l, rid_r FROM __accepted");
        long rescored = 0;
        long cut = 0;
        if (clustering.method() == ClusteringSettings.Method.AVERAGE_LINKAGE) {
            capGroups(db, clustering.maxComponentSize());
            // a pair left out never joins its two groups later (groups only grow), so it is a pair across groups
            cut = db.queryLong("SELECT count(*) FROM __accepted a JOIN __groups gl ON gl.__rid = a.rid_l"
                    + " JOIN __groups gr ON gr.__rid = a.rid_r WHERE gl.grp <> gr.grp");
            rescored = splitByAverageLinkage(db, model, clustering, threshold);
        } else {
            db.createTable("__groups", "SELECT node AS __rid, component AS grp FROM __components");
            db.createTable("__cluster_members", "SELECT __rid, grp AS cluster_id FROM __groups");
            shapes(db, SHAPES, "__cluster_members", "__accepted");
        }
        long groups =
                db.queryLong("SELECT count(*) FROM (SELECT grp FROM __groups GROUP BY grp HAVING count(*) >= 2) g");
        db.createTable(
                TABLE,
                "SELECT r.__rid, coalesce(m.cluster_id, r.__rid) AS cluster_id FROM " + LoadStep.TABLE
                        + " r LEFT JOIN __cluster_members m ON m.__rid = r.__rid");
        for (String t : List.of("__accepted", "__components", "__groups", "__cluster_members")) {
            db.dropTable(t);
        }
        long clusters = db.queryLong("SELECT count(DISTINCT cluster_id) FROM " + TABLE);
        int largest = (int) db.queryLong("SELECT coalesce(max(size), 1) FROM " + SHAPES);
        long suspicious = db.queryLong("SELECT count(*) FROM " + SHAPES + " WHERE suspicious");
        return new Result(clustering.method(), clusters, largest, groups, cut, rescored, suspicious);
    }

    /**
     * {@code __groups(__rid, grp)}: a component within {@code cap} records is one group; a larger one is cut by
     * {@link #cappedGroups}. A group's id is its smallest record.
     */
    private static void capGroups(Engine db, int cap) {
        db.createTable(
                "__large_components", "SELECT component FROM __components GROUP BY component HAVING count(*) > " + cap);
        db.createTableByGroup(
                "__cut_groups",
                "__rid BIGINT, grp BIGINT",
                "SELECT c.component, a.rid_l, a.rid_r, a.match_probability FROM __accepted a"
                        + " JOIN __components c ON c.node = a.rid_l JOIN __large_components k"
                        + " ON k.component = c.component",
                cappedGroups(cap));
        db.createTable(
                "__groups",
                "SELECT c.node AS __rid, coalesce(g.grp, c.component) AS grp FROM __components c"
                        + " LEFT JOIN __cut_groups g ON g.__rid = c.node");
        db.dropTable("__large_components");
        db.dropTable("__cut_groups");
    }

    /**
     * Union–find over one component's accepted pairs, strongest first (ties by record ids, so the cut does not
     * depend on the engine), leaving out a pair that would make a group larger than {@code cap}. Emits
     * {@code (record, smallest record of its group)}.
     */
    private static Engine.GroupFunction cappedGroups(int cap) {
        return (component, rows, emit) -> {
            rows.sort(Comparator.comparingDouble((Object[] r) -> -((Number) r[3]).doubleValue())
                    .thenComparingLong(r -> ((Number) r[1]).longValue())
                    .thenComparingLong(r -> ((Number) r[2]).longValue()));
            Map<Long, Integer> index = new HashMap<>();
            List<Long> ids = new ArrayList<>();
            int[][] edges = new int[rows.size()][];
            for (int k = 0; k < rows.size(); k++) {
                edges[k] = new int[2];
                for (int side = 0; side < 2; side++) {
                    long id = ((Number) rows.get(k)[1 + side]).longValue();
                    edges[k][side] = index.computeIfAbsent(id, x -> {
                        ids.add(x);
                        return ids.size() - 1;
                    });
                }
            }
            int n = ids.size();
            int[] root = new int[n];
            int[] size = new int[n];
            for (int i = 0; i < n; i++) {
                root[i] = i;
                size[i] = 1;
            }
            for (int[] e : edges) {
                int a = find(root, e[0]);
                int b = find(root, e[1]);
                if (a != b && size[a] + size[b] <= cap) {
                    root[Math.max(a, b)] = Math.min(a, b);
                    size[Math.min(a, b)] += size[Math.max(a, b)];
                }
            }
            long[] smallest = new long[n];
            Arrays.fill(smallest, Long.MAX_VALUE);
            for (int i = 0; i < n; i++) {
                int r = find(root, i);
                smallest[r] = Math.min(smallest[r], ids.get(i));
            }
            for (int i = 0; i < n; i++) {
                emit.accept(new Object[] {ids.get(i), smallest[find(root, i)]});
            }
        };
    }

    private static int find(int[] root, int x) {
        while (root[x] != x) {
            root[x] = root[root[x]];
            x = root[x];
        }
        return x;
    }

    /** Average linkage inside each candidate group; returns the number of pairs scored for it. */
    private static long splitByAverageLinkage(
            Engine db, LinkageModel model, ClusteringSettings clustering, double threshold) {
        String cannot = clustering.cannotLinkRules().isEmpty()
                ? "false"
                : "coalesce("
                        + clustering.cannotLinkRules().stream()
                                .map(r -> r.sql(db.dialect()))
                                .collect(Collectors.joining(" OR "))
                        + ", false)";
        String records = " JOIN " + LoadStep.TABLE + " l ON l.__rid = a.rid_l JOIN " + LoadStep.TABLE
                + " r ON r.__rid = a.rid_r";
        // a group whose records all accept each other cannot split, unless a cannot-link rule holds inside it
        String ruled = clustering.cannotLinkRules().isEmpty()
                ? "SELECT grp FROM __groups WHERE false"
                : "SELECT DISTINCT g.grp FROM __accepted a" + records + " JOIN __groups g ON g.__rid = a.rid_l WHERE "
                        + cannot;
        db.createTable(
                "__group_kinds",
                // a record whose every pair was cut stays on its own
                "WITH sizes AS (SELECT grp, count(*) AS size FROM __groups GROUP BY grp HAVING count(*) >= 2),"
                        + " edges AS (SELECT gl.grp, count(*) AS edges FROM __accepted a"
                        + " JOIN __groups gl ON gl.__rid = a.rid_l JOIN __groups gr ON gr.__rid = a.rid_r"
                        + " WHERE gl.grp = gr.grp GROUP BY gl.grp),"
                        + " ruled AS (" + ruled + ")"
                        + " SELECT s.grp, s.size, coalesce(e.edges, 0) AS edges,"
                        + " (coalesce(e.edges, 0) = s.size * (s.size - 1) / 2 AND u.grp IS NULL) AS clique"
                        + " FROM sizes s LEFT JOIN edges e ON e.grp = s.grp LEFT JOIN ruled u ON u.grp = s.grp");
        db.createTable(
                "__candidates",
                "SELECT g.__rid AS rid, g.grp FROM __groups g JOIN __group_kinds k ON k.grp = g.grp WHERE NOT k.clique");
        String otherDataset = model.settings().linkType() == LinkType.LINK_ONLY
                ? " JOIN " + LoadStep.TABLE + " l ON l.__rid = a.rid JOIN " + LoadStep.TABLE
                        + " r ON r.__rid = b.rid WHERE l.__sd <> r.__sd"
                : "";
        db.createTable(
                "__candidate_pairs",
                "SELECT CAST(a.rid AS BIGINT) AS rid_l, CAST(b.rid AS BIGINT) AS rid_r FROM __candidates a"
                        + " JOIN __candidates b ON a.grp = b.grp AND a.rid < b.rid" + otherDataset);
        Predictor.scorePairs(db, model, "__candidate_pairs", "__candidate_scores");
        long rescored = db.queryLong("SELECT count(*) FROM __candidate_scores");
        db.createTableByGroup(
                "__split",
                "__rid BIGINT, cluster_id BIGINT",
                "SELECT c.grp, c.rid, CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE), CAST(NULL AS BOOLEAN)"
                        + " FROM __candidates c UNION ALL SELECT c.grp, a.rid_l, a.rid_r, a.match_probability, "
                        + cannot + " OR a.match_weight < " + Sql.number(clustering.vetoMatchWeight())
                        + " FROM __candidate_scores a JOIN __candidates c ON c.rid = a.rid_l"
                        + (clustering.cannotLinkRules().isEmpty() ? "" : records),
                averageLinkage(clustering.mergeMeanProbability()));
        // the accepted pairs inside each final cluster give its shape
        db.createTable(
                "__split_edges",
                "SELECT a.rid_l, a.rid_r FROM __candidate_scores a JOIN __split ml ON ml.__rid = a.rid_l"
                        + " JOIN __split mr ON mr.__rid = a.rid_r WHERE ml.cluster_id = mr.cluster_id"
                        + " AND a.match_probability >= " + Sql.number(threshold));
        db.createTable(
                "__cluster_members",
                "SELECT g.__rid, g.grp AS cluster_id FROM __groups g JOIN __group_kinds k ON k.grp = g.grp"
                        + " WHERE k.clique UNION ALL SELECT __rid, cluster_id FROM __split");
        shapes(db, "__split_shapes", "__split", "__split_edges");
        // a clique's shape is known: every pair an edge, so no bridge unless it is a single pair
        db.createTable(
                SHAPES,
                "SELECT grp AS cluster_id, CAST(size AS INTEGER) AS size, CAST(edges AS BIGINT) AS edges,"
                        + " CAST(CASE WHEN size = 2 THEN 1 ELSE 0 END AS INTEGER) AS bridges,"
                        + " CAST(1.0 AS DOUBLE) AS density, false AS suspicious FROM __group_kinds WHERE clique"
                        + " UNION ALL SELECT * FROM __split_shapes");
        for (String t : List.of(
                "__group_kinds",
                "__candidates",
                "__candidate_pairs",
                "__candidate_scores",
                "__split",
                "__split_edges",
                "__split_shapes")) {
            db.dropTable(t);
        }
        return rescored;
    }

    /**
     * Average linkage of one candidate group. Rows are {@code (group, record)} for each member and
     * {@code (group, rid_l, rid_r, probability, never together)} for each scored pair; emits
     * {@code (record, smallest record of its cluster)} for records in clusters of two or more.
     */
    private static Engine.GroupFunction averageLinkage(double mergeMean) {
        return (group, rows, emit) -> {
            long[] members = rows.stream()
                    .filter(r -> r[2] == null)
                    .mapToLong(r -> ((Number) r[1]).longValue())
                    .sorted()
                    .toArray();
            AverageLinkage linkage = new AverageLinkage(members.length);
            for (Object[] r : rows) {
                if (r[2] != null) {
                    linkage.pair(
                            Arrays.binarySearch(members, ((Number) r[1]).longValue()),
                            Arrays.binarySearch(members, ((Number) r[2]).longValue()),
                            ((Number) r[3]).doubleValue(),
                            (Boolean) r[4]);
                }
            }
            int[] root = linkage.cluster(mergeMean);
            int[] clusterSize = new int[members.length];
            for (int i : root) {
                clusterSize[i]++;
            }
            for (int i = 0; i < members.length; i++) {
                if (clusterSize[root[i]] > 1) {
                    emit.accept(new Object[] {members[i], members[root[i]]});
                }
            }
        };
    }

    /** {@code target}: the shape of each cluster of {@code members}, its edges those of {@code edges}. */
    private static void shapes(Engine db, String target, String members, String edges) {
        db.createTableByGroup(
                target,
                SHAPE_COLUMNS,
                "SELECT cluster_id, __rid, CAST(NULL AS BIGINT) FROM " + members + " UNION ALL"
                        + " SELECT m.cluster_id, e.rid_l, e.rid_r FROM " + edges + " e JOIN " + members
                        + " m ON m.__rid = e.rid_l",
                Clusterer::shape);
    }

    /** Rows {@code (cluster, record, NULL)} for members and {@code (cluster, rid_l, rid_r)} for edges. */
    private static void shape(long cluster, List<Object[]> rows, Consumer<Object[]> emit) {
        long[] members = rows.stream()
                .filter(r -> r[2] == null)
                .mapToLong(r -> ((Number) r[1]).longValue())
                .sorted()
                .toArray();
        int[] from = new int[rows.size() - members.length];
        int[] to = new int[from.length];
        int k = 0;
        for (Object[] r : rows) {
            if (r[2] != null) {
                from[k] = Arrays.binarySearch(members, ((Number) r[1]).longValue());
                to[k++] = Arrays.binarySearch(members, ((Number) r[2]).longValue());
            }
        }
        ClusterShape s = ClusterShape.of(members.length, from, to);
        emit.accept(new Object[] {cluster, s.size(), s.edges(), s.bridges(), s.density(), s.suspicious()});
    }
}
