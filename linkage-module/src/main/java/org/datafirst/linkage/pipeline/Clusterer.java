package org.datafirst.linkage.pipeline;

import java.util.Arrays;
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
 * <li>Candidate groups: the accepted pairs (probability at or above the threshold), strongest first, join
 * groups by union–find. For connected components these groups are the clusters. For average linkage a
 * group may not grow past {@code max_component_size}: a pair that would make it larger is left out, so
 * the weakest links of a giant chain are the ones cut.</li>
 * <li>Average linkage only: a group whose records all accept each other (and hold no cannot-link pair) is
 * one cluster. In every other group each pair is scored by the model (most were never blocked together);
 * pairs that a cannot-link rule forbids, or that the model scores below {@code veto_match_weight} (sure
 * they are different people), may never share a cluster; and {@link AverageLinkage} merges clusters while
 * the mean match probability of the pairs across them reaches {@code merge_mean_probability}.</li>
 * </ol>
 */
public final class Clusterer {

    public static final String TABLE = "clusters";
    public static final String SHAPES = "cluster_shapes";

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
        int n = Math.toIntExact(db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE));
        boolean average = clustering.method() == ClusteringSettings.Method.AVERAGE_LINKAGE;
        Groups groups =
                Groups.build(db, n, pairsTable, threshold, average ? clustering.maxComponentSize() : Integer.MAX_VALUE);
        Output out = new Output(db);
        long rescored = 0;
        if (average) {
            rescored = splitByAverageLinkage(db, model, clustering, pairsTable, groups, threshold, out);
        } else {
            groups.shapes(out);
        }
        out.finish();
        long clusters = db.queryLong("SELECT count(DISTINCT cluster_id) FROM " + TABLE);
        int largest = (int) db.queryLong("SELECT coalesce(max(size), 1) FROM " + SHAPES);
        long suspicious = db.queryLong("SELECT count(*) FROM " + SHAPES + " WHERE suspicious");
        return new Result(
                clustering.method(), clusters, largest, groups.count(), groups.cutPairs, rescored, suspicious);
    }

    private static long splitByAverageLinkage(
            Engine db,
            LinkageModel model,
            ClusteringSettings clustering,
            String pairsTable,
            Groups groups,
            double threshold,
            Output out) {
        String cannot = clustering.cannotLinkRules().isEmpty()
                ? "false"
                : "coalesce("
                        + clustering.cannotLinkRules().stream()
                                .map(r -> r.sql(db.dialect()))
                                .collect(Collectors.joining(" OR "))
                        + ", false)";
        // a group whose records all accept each other cannot split, unless a cannot-link rule holds inside it
        boolean[] ruled = new boolean[groups.root.length];
        if (!clustering.cannotLinkRules().isEmpty()) {
            db.forEachRow(
                    "SELECT p.rid_l FROM " + pairsTable + " p JOIN " + LoadStep.TABLE + " l ON l.__rid = p.rid_l JOIN "
                            + LoadStep.TABLE + " r ON r.__rid = p.rid_r WHERE p.match_probability >= "
                            + Sql.number(threshold) + " AND " + cannot,
                    rs -> ruled[groups.find(rs.getInt(1))] = true);
        }
        long[] edges = groups.edgesPerGroup();
        try (Engine.TableWriter candidates = db.newTable("__candidates", "rid INTEGER, grp INTEGER")) {
            for (int g = 0; g < groups.root.length; g++) {
                int size = groups.size[g];
                if (groups.root[g] != g || size < 2) {
                    continue;
                }
                int[] members = groups.members(g);
                if (!ruled[g] && edges[g] == (long) size * (size - 1) / 2) {
                    out.clique(members);
                    continue;
                }
                for (int rid : members) {
                    candidates.row(rid, g);
                }
            }
        }
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
        String records = clustering.cannotLinkRules().isEmpty()
                ? ""
                : " JOIN " + LoadStep.TABLE + " l ON l.__rid = s.rid_l JOIN " + LoadStep.TABLE
                        + " r ON r.__rid = s.rid_r";
        GroupPairs current = new GroupPairs();
        db.forEachRow(
                "SELECT c.grp, s.rid_l, s.rid_r, s.match_probability, " + cannot + " OR s.match_weight < "
                        + Sql.number(clustering.vetoMatchWeight())
                        + " FROM __candidate_scores s JOIN __candidates c ON c.rid = s.rid_l"
                        + records + " ORDER BY c.grp",
                rs -> {
                    int grp = rs.getInt(1);
                    if (grp != current.group) {
                        current.flush(groups, clustering.mergeMeanProbability(), threshold, out);
                        current.group = grp;
                    }
                    current.add(rs.getInt(2), rs.getInt(3), rs.getDouble(4), rs.getBoolean(5));
                });
        current.flush(groups, clustering.mergeMeanProbability(), threshold, out);
        // a group left with no scored pair (link_only, all from one dataset) stays single records
        db.dropTable("__candidates");
        db.dropTable("__candidate_pairs");
        db.dropTable("__candidate_scores");
        return rescored;
    }

    /** The scored pairs of one candidate group, collected while the sorted rows stream past. */
    private static final class GroupPairs {
        int group = -1;
        int count;
        int[] left = new int[64];
        int[] right = new int[64];
        double[] probability = new double[64];
        boolean[] cannot = new boolean[64];

        void add(int l, int r, double p, boolean c) {
            if (count == left.length) {
                left = Arrays.copyOf(left, count * 2);
                right = Arrays.copyOf(right, count * 2);
                probability = Arrays.copyOf(probability, count * 2);
                cannot = Arrays.copyOf(cannot, count * 2);
            }
            left[count] = l;
            right[count] = r;
            probability[count] = p;
            cannot[count++] = c;
        }

        void flush(Groups groups, double mergeMean, double threshold, Output out) {
            if (group < 0) {
                return;
            }
            int[] members = groups.members(group);
            int m = members.length;
            AverageLinkage linkage = new AverageLinkage(m);
            int[] li = new int[count];
            int[] ri = new int[count];
            for (int k = 0; k < count; k++) {
                li[k] = Arrays.binarySearch(members, left[k]);
                ri[k] = Arrays.binarySearch(members, right[k]);
                linkage.pair(li[k], ri[k], probability[k], cannot[k]);
            }
            int[] root = linkage.cluster(mergeMean);
            // accepted edges inside each final cluster, for its shape
            int[] from = new int[count];
            int[] to = new int[count];
            int edges = 0;
            for (int k = 0; k < count; k++) {
                if (probability[k] >= threshold && root[li[k]] == root[ri[k]]) {
                    from[edges] = li[k];
                    to[edges++] = ri[k];
                }
            }
            out.clusters(members, root, from, to, edges);
            count = 0;
        }
    }

    /** Union–find over the accepted pairs, strongest first, with a cap on group size. */
    private static final class Groups {
        final int[] root;
        final int[] size;
        long cutPairs;
        int[] edgeFrom = new int[1024];
        int[] edgeTo = new int[1024];
        int edgeCount;
        private int[] memberStart;
        private int[] memberList;

        private Groups(int n) {
            root = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                root[i] = i;
                size[i] = 1;
            }
        }

        static Groups build(Engine db, int n, String pairsTable, double threshold, int cap) {
            Groups g = new Groups(n);
            db.forEachRow(
                    "SELECT rid_l, rid_r FROM " + pairsTable + " WHERE match_probability >= " + Sql.number(threshold)
                            + " AND rid_l <> rid_r ORDER BY match_probability DESC, rid_l, rid_r",
                    rs -> g.accept(rs.getInt(1), rs.getInt(2), cap));
            return g;
        }

        private void accept(int a, int b, int cap) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                if (size[ra] + size[rb] > cap) {
                    cutPairs++;
                    return;
                }
                if (size[ra] < size[rb] || (size[ra] == size[rb] && rb < ra)) {
                    int t = ra;
                    ra = rb;
                    rb = t;
                }
                root[rb] = ra;
                size[ra] += size[rb];
            }
            if (edgeCount == edgeFrom.length) {
                edgeFrom = Arrays.copyOf(edgeFrom, edgeCount * 2);
                edgeTo = Arrays.copyOf(edgeTo, edgeCount * 2);
            }
            edgeFrom[edgeCount] = a;
            edgeTo[edgeCount++] = b;
        }

        int find(int x) {
            int r = x;
            while (root[r] != r) {
                r = root[r];
            }
            while (root[x] != r) {
                int next = root[x];
                root[x] = r;
                x = next;
            }
            return r;
        }

        /** Accepted edges inside each group, by the group's root. */
        long[] edgesPerGroup() {
            long[] edges = new long[root.length];
            for (int k = 0; k < edgeCount; k++) {
                edges[find(edgeFrom[k])]++;
            }
            return edges;
        }

        long count() {
            long c = 0;
            for (int i = 0; i < root.length; i++) {
                if (root[i] == i && size[i] > 1) {
                    c++;
                }
            }
            return c;
        }

        /** The records of the group whose root is {@code group}, in ascending order. */
        int[] members(int group) {
            if (memberStart == null) {
                index();
            }
            return Arrays.copyOfRange(memberList, memberStart[group], memberStart[group] + size[group]);
        }

        private void index() {
            int n = root.length;
            memberStart = new int[n + 1];
            for (int i = 0; i < n; i++) {
                memberStart[find(i) + 1]++;
            }
            for (int i = 0; i < n; i++) {
                memberStart[i + 1] += memberStart[i];
            }
            int[] fill = Arrays.copyOf(memberStart, n);
            memberList = new int[n];
            for (int i = 0; i < n; i++) {
                memberList[fill[find(i)]++] = i;
            }
        }

        /** Connected components: each group is a cluster, its accepted edges give its shape. */
        void shapes(Output out) {
            int n = root.length;
            int[] all = new int[n];
            int[] smallest = new int[n];
            Arrays.fill(smallest, -1);
            int[] cluster = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
                int r = find(i);
                if (smallest[r] < 0) {
                    smallest[r] = i;
                }
                cluster[i] = smallest[r];
            }
            out.clusters(all, cluster, Arrays.copyOf(edgeFrom, edgeCount), Arrays.copyOf(edgeTo, edgeCount), edgeCount);
        }
    }

    /** Appends final clusters and their shapes to the engine, then builds {@link #TABLE}. */
    private static final class Output {
        private final Engine db;
        private final Engine.TableWriter memberRows;
        private final Engine.TableWriter shapeRows;

        Output(Engine db) {
            this.db = db;
            memberRows = db.newTable("__cluster_members", "__rid BIGINT, cluster_id BIGINT");
            shapeRows = db.newTable(
                    SHAPES,
                    "cluster_id BIGINT, size INTEGER, edges BIGINT, bridges INTEGER, density DOUBLE, suspicious BOOLEAN");
        }

        /**
         * The records {@code ids} (ascending) fall into clusters by {@code root} (local index of each
         * record's cluster, the smallest in it); {@code from/to} are accepted edges inside clusters.
         */
        void clusters(int[] ids, int[] root, int[] from, int[] to, int edges) {
            int m = ids.length;
            int[] clusterSize = new int[m];
            for (int i = 0; i < m; i++) {
                clusterSize[root[i]]++;
            }
            // position of each record within its cluster, and each cluster's edges grouped together
            int[] position = new int[m];
            int[] seen = new int[m];
            for (int i = 0; i < m; i++) {
                position[i] = seen[root[i]]++;
                if (clusterSize[root[i]] > 1) {
                    memberRows.row((long) ids[i], (long) ids[root[i]]);
                }
            }
            int[] edgeStart = new int[m + 1];
            for (int x = 0; x < edges; x++) {
                edgeStart[root[from[x]] + 1]++;
            }
            for (int c = 0; c < m; c++) {
                edgeStart[c + 1] += edgeStart[c];
            }
            int[] fill = Arrays.copyOf(edgeStart, m);
            int[] f = new int[edges];
            int[] t = new int[edges];
            for (int x = 0; x < edges; x++) {
                int slot = fill[root[from[x]]]++;
                f[slot] = position[from[x]];
                t[slot] = position[to[x]];
            }
            for (int c = 0; c < m; c++) {
                if (root[c] != c || clusterSize[c] < 2) {
                    continue;
                }
                ClusterShape shape = ClusterShape.of(
                        clusterSize[c],
                        Arrays.copyOfRange(f, edgeStart[c], edgeStart[c + 1]),
                        Arrays.copyOfRange(t, edgeStart[c], edgeStart[c + 1]));
                shapeRows.row(
                        (long) ids[c],
                        shape.size(),
                        shape.edges(),
                        shape.bridges(),
                        shape.density(),
                        shape.suspicious());
            }
        }

        /** A group whose records all accept each other: one cluster, every pair an edge. */
        void clique(int[] ids) {
            long edges = (long) ids.length * (ids.length - 1) / 2;
            for (int id : ids) {
                memberRows.row((long) id, (long) ids[0]);
            }
            ClusterShape shape = new ClusterShape(ids.length, edges, ids.length == 2 ? 1 : 0);
            shapeRows.row(
                    (long) ids[0], shape.size(), shape.edges(), shape.bridges(), shape.density(), shape.suspicious());
        }

        void finish() {
            memberRows.close();
            shapeRows.close();
            db.createTable(
                    TABLE,
                    "SELECT r.__rid, coalesce(m.cluster_id, r.__rid) AS cluster_id FROM " + LoadStep.TABLE
                            + " r LEFT JOIN __cluster_members m USING (__rid)");
            db.dropTable("__cluster_members");
        }
    }
}
