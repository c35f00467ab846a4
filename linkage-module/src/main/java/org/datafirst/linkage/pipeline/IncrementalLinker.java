package org.datafirst.linkage.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.ClusteringSettings;
import org.datafirst.linkage.settings.ColumnReferences;
import org.datafirst.linkage.settings.LinkType;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Sql;

/**
 * Links new records to the records of an earlier run without scoring the old pairs again, as Splink's
 * {@code find_matches_to_new_records}, in batch.
 *
 * <ol>
 * <li>{@link #load}: the earlier run's records (with their person ids) come first in {@code records}, the new
 * ones after them; term frequencies are computed over both.</li>
 * <li>{@link #predict}: the model's blocking rules produce only pairs with a new record (the right record of a
 * pair is always the later one), which are scored as in a full run.</li>
 * <li>{@link #cluster}: each existing person is one fixed unit that never splits and never merges with another
 * existing person. Accepted pairs, strongest first, join new records and existing persons into candidate groups
 * (at most {@code max_component_size} records). In each group every pair of a new record with a record of the
 * group is scored, and average linkage runs over the units: a new record or a cluster of new records joins the
 * existing person with the highest mean match probability over all their record pairs, if that mean reaches
 * {@code merge_mean_probability} and no pair is cannot-link or below the veto weight; new records that join no
 * one form their own clusters. A new record that matches two existing persons (a bridge) joins the better one;
 * the two stay apart (a full refresh may merge them).</li>
 * </ol>
 * The result is written to {@code clusters}: old records labelled with their person id, new records with the
 * person id they joined or a negative label per new cluster, for {@link StableIdStep} to turn into ids.
 */
public final class IncrementalLinker {

    /** Old records' person ids: {@code (__rid, id)}, the earlier ids {@link StableIdStep} carries over. */
    public static final String EXISTING = "existing_ids";

    /**
     * @param newRecords records in the new inputs
     * @param joined new records that joined an existing person
     * @param bridges new records with accepted pairs to two or more existing persons
     * @param groups candidate groups holding a new record and something it matched
     * @param cutPairs accepted pairs left out because they would have made a group too large
     * @param rescoredPairs pairs scored inside the groups
     */
    public record Result(long newRecords, long joined, long bridges, long groups, long cutPairs, long rescoredPairs) {}

    private IncrementalLinker() {}

    /** The earlier records' columns must hold every column the settings name; checked before any work. */
    public static void checkPreviousColumns(
            LinkageSettings settings, JsonNode settingsJson, Path previousRecords, List<String> columns) {
        ColumnReferences.requireAll(ColumnReferences.of(settings, settingsJson), previousRecords.toString(), columns);
    }

    /**
     * Loads the earlier run's records ({@code previousRecords}: {@code __sd, __uid}, the input columns and
     * {@code idColumn}) and then the new inputs; returns the number of earlier records (the first new
     * record's {@code __rid}). A new record whose source dataset and unique id an earlier record has is refused.
     */
    public static long load(
            Engine db,
            LinkageSettings settings,
            JsonNode settingsJson,
            Path previousRecords,
            String idColumn,
            List<InputSource> inputs) {
        LoadStep.run(db, settings, settingsJson, inputs);
        db.renameTable(LoadStep.TABLE, "__new_records");
        db.registerFile("__old", previousRecords);
        long old = db.queryLong("SELECT count(*) FROM __old");
        var clash = db.query(
                "SELECT n.__file, n.__row, n.__uid, n.__sd FROM __new_records n JOIN __old o ON o.__sd = n.__sd AND o.__uid = n.__uid"
                        + " ORDER BY n.__rid LIMIT 1");
        if (!clash.isEmpty()) {
            throw new InputDataException(clash.get(0).get(0) + ": row "
                    + clash.get(0).get(1) + ": unique id '" + clash.get(0).get(2)
                    + "' of source dataset '" + clash.get(0).get(3)
                    + "' is already among the earlier run's records (link-new adds records;"
                    + " changed records need a full 'run --previous')");
        }
        String fileRow = db.dialect().fileRowNumber();
        String oldRid = "CAST(" + fileRow + " AS BIGINT) AS __rid";
        db.createTable(EXISTING, "SELECT " + oldRid + ", CAST(" + Sql.ident(idColumn) + " AS BIGINT) AS id FROM __old");
        // the earlier records first, numbered in file order, then the new ones; a column one side lacks is NULL there
        List<String> oldColumns = db.columns("__old");
        List<String> newColumns = db.columns("__new_records");
        List<String> fromOld = new ArrayList<>();
        List<String> fromNew = new ArrayList<>();
        for (String c : newColumns) {
            String col = Sql.ident(c);
            fromOld.add(c.equals("__rid") ? oldRid : oldColumns.contains(c) ? col : "NULL AS " + col);
            fromNew.add(c.equals("__rid") ? "CAST(__rid + " + old + " AS BIGINT) AS __rid" : col);
        }
        for (String c : oldColumns) {
            if (!newColumns.contains(c) && !c.equals(idColumn) && !c.equals(fileRow)) {
                fromOld.add(Sql.ident(c));
                fromNew.add("NULL AS " + Sql.ident(c));
            }
        }
        db.createTable(
                LoadStep.TABLE,
                "SELECT " + String.join(", ", fromOld) + " FROM __old UNION ALL SELECT " + String.join(", ", fromNew)
                        + " FROM __new_records");
        db.dropTable("__old");
        db.dropTable("__new_records");
        TermFrequencies.run(db, settings);
        return old;
    }

    /** Scores the blocked pairs that hold a new record; returns their number. */
    public static long predict(Engine db, LinkageModel model, long firstNew) {
        return Predictor.run(db, model, 0.0, "r.__rid >= " + firstNew);
    }

    public static Result cluster(
            Engine db, LinkageModel model, ClusteringSettings clustering, double threshold, long firstNew) {
        int old = Math.toIntExact(firstNew);
        int fresh = Math.toIntExact(db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE) - old);
        long[] personOf = new long[old];
        db.forEachRow("SELECT __rid, id FROM " + EXISTING, rs -> personOf[rs.getInt(1)] = rs.getLong(2));
        Map<Long, Integer> personSize = new HashMap<>();
        for (long p : personOf) {
            personSize.merge(p, 1, Integer::sum);
        }
        // nodes: new records 0..fresh-1, then the existing persons that accepted pairs reach
        Map<Long, Integer> personNode = new HashMap<>();
        List<Long> nodePerson = new ArrayList<>();
        Units units = new Units(fresh);
        long[] firstPersonOf = new long[fresh];
        boolean[] bridge = new boolean[fresh];
        Arrays.fill(firstPersonOf, -1);
        long[] cut = new long[1];
        db.forEachRow(
                "SELECT rid_l, rid_r FROM " + Predictor.TABLE + " WHERE match_probability >= " + Sql.number(threshold)
                        + " ORDER BY match_probability DESC, rid_l, rid_r",
                rs -> {
                    int l = rs.getInt(1);
                    int r = rs.getInt(2) - old;
                    int a;
                    if (l >= old) {
                        a = l - old;
                    } else {
                        long person = personOf[l];
                        a = personNode.computeIfAbsent(person, p -> {
                            nodePerson.add(p);
                            return units.add(personSize.get(p));
                        });
                        if (firstPersonOf[r] < 0) {
                            firstPersonOf[r] = person;
                        } else if (firstPersonOf[r] != person) {
                            bridge[r] = true;
                        }
                    }
                    if (!units.union(a, r, clustering.maxComponentSize())) {
                        cut[0]++;
                    }
                });
        // candidate groups: every group with two or more units; members are the new records and all records of its
        // persons
        long groups = 0;
        try (Engine.TableWriter members = db.newTable("__ln_members", "rid BIGINT, grp INTEGER");
                Engine.TableWriter persons = db.newTable("__ln_persons", "person_id BIGINT, grp INTEGER")) {
            for (int u = 0; u < units.count(); u++) {
                int root = units.find(u);
                if (units.units[root] < 2) {
                    continue;
                }
                if (root == u) {
                    groups++;
                }
                if (u < fresh) {
                    members.row((long) u + old, root);
                } else {
                    persons.row(nodePerson.get(u - fresh), root);
                }
            }
        }
        db.createTable(
                "__ln_all_members",
                "SELECT rid, grp FROM __ln_members UNION ALL SELECT e.__rid, p.grp FROM __ln_persons p JOIN " + EXISTING
                        + " e ON e.id = p.person_id");
        db.dropTable("__ln_members");
        db.renameTable("__ln_all_members", "__ln_members");
        String otherDataset = model.settings().linkType() == LinkType.LINK_ONLY
                ? " JOIN " + LoadStep.TABLE + " l ON l.__rid = a.rid JOIN " + LoadStep.TABLE
                        + " r ON r.__rid = b.rid WHERE l.__sd <> r.__sd"
                : "";
        db.createTable(
                "__ln_pairs",
                "SELECT a.rid AS rid_l, b.rid AS rid_r FROM __ln_members a JOIN __ln_members b"
                        + " ON a.grp = b.grp AND a.rid < b.rid AND b.rid >= " + old + otherDataset);
        Predictor.scorePairs(db, model, "__ln_pairs", "__ln_scores");
        long rescored = db.queryLong("SELECT count(*) FROM __ln_scores");
        String cannot = clustering.cannotLinkRules().isEmpty()
                ? "false"
                : "coalesce("
                        + clustering.cannotLinkRules().stream()
                                .map(r -> r.sql(db.dialect()))
                                .collect(Collectors.joining(" OR "))
                        + ", false)";
        String records = clustering.cannotLinkRules().isEmpty()
                ? ""
                : " JOIN " + LoadStep.TABLE + " l ON l.__rid = s.rid_l JOIN " + LoadStep.TABLE
                        + " r ON r.__rid = s.rid_r";
        long[] label = new long[fresh];
        for (int i = 0; i < fresh; i++) {
            label[i] = -1 - i; // a new cluster of its own, unless it joins someone
        }
        Group group = new Group(units, fresh, nodePerson, personNode, personOf, old, label);
        db.forEachRow(
                "SELECT m.grp, s.rid_l, s.rid_r, s.match_probability, " + cannot + " OR s.match_weight < "
                        + Sql.number(clustering.vetoMatchWeight())
                        + " FROM __ln_scores s JOIN __ln_members m ON m.rid = s.rid_r" + records
                        + " ORDER BY m.grp",
                rs -> {
                    int grp = rs.getInt(1);
                    if (grp != group.root) {
                        group.flush(clustering.mergeMeanProbability());
                        group.start(grp);
                    }
                    group.add(rs.getInt(2), rs.getInt(3), rs.getDouble(4), rs.getBoolean(5));
                });
        group.flush(clustering.mergeMeanProbability());
        for (String t : List.of("__ln_members", "__ln_persons", "__ln_pairs", "__ln_scores")) {
            db.dropTable(t);
        }
        long joined = 0;
        try (Engine.TableWriter a = db.newTable("__new_labels", "__rid BIGINT, cluster_id BIGINT")) {
            for (int i = 0; i < fresh; i++) {
                a.row((long) i + old, label[i]);
                joined += label[i] >= 0 ? 1 : 0;
            }
        }
        db.createTable(
                Clusterer.TABLE,
                "SELECT __rid, id AS cluster_id FROM " + EXISTING
                        + " UNION ALL SELECT __rid, cluster_id FROM __new_labels");
        db.dropTable("__new_labels");
        long bridges = 0;
        for (boolean b : bridge) {
            bridges += b ? 1 : 0;
        }
        return new Result(fresh, joined, bridges, groups, cut[0], rescored);
    }

    /** Union–find over units (new records first, then existing persons), each weighing its records, with a cap. */
    private static final class Units {
        int[] root = new int[1024];
        int[] records = new int[1024];
        int[] units = new int[1024];
        int n;

        Units(int fresh) {
            for (int i = 0; i < fresh; i++) {
                add(1);
            }
        }

        int add(int size) {
            if (n == root.length) {
                root = Arrays.copyOf(root, n * 2);
                records = Arrays.copyOf(records, n * 2);
                units = Arrays.copyOf(units, n * 2);
            }
            root[n] = n;
            records[n] = size;
            units[n] = 1;
            return n++;
        }

        int count() {
            return n;
        }

        int find(int x) {
            while (root[x] != x) {
                root[x] = root[root[x]];
                x = root[x];
            }
            return x;
        }

        /** Joins the groups of a and b unless together they would hold more than {@code cap} records. */
        boolean union(int a, int b, int cap) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return true;
            }
            if (records[ra] + records[rb] > cap) {
                return false;
            }
            if (ra > rb) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            root[rb] = ra;
            records[ra] += records[rb];
            units[ra] += units[rb];
            return true;
        }
    }

    /** The scored pairs of one candidate group, as evidence between its units, then average linkage. */
    private static final class Group {
        final Units all;
        final int fresh;
        final List<Long> nodePerson;
        final Map<Long, Integer> personNode;
        final long[] personOf;
        final int old;
        final long[] label;
        int root = -1;
        int[] members = new int[0];
        Map<Integer, Integer> local = new HashMap<>();
        double[] sum;
        int[] count;
        boolean[] cannot;

        Group(
                Units all,
                int fresh,
                List<Long> nodePerson,
                Map<Long, Integer> personNode,
                long[] personOf,
                int old,
                long[] label) {
            this.all = all;
            this.fresh = fresh;
            this.nodePerson = nodePerson;
            this.personNode = personNode;
            this.personOf = personOf;
            this.old = old;
            this.label = label;
        }

        private int[] memberStart;
        private int[] memberList;

        /** The units of each group, ascending, indexed once. */
        private void index() {
            int n = all.count();
            memberStart = new int[n + 1];
            for (int u = 0; u < n; u++) {
                memberStart[all.find(u) + 1]++;
            }
            for (int u = 0; u < n; u++) {
                memberStart[u + 1] += memberStart[u];
            }
            int[] fill = Arrays.copyOf(memberStart, n);
            memberList = new int[n];
            for (int u = 0; u < n; u++) {
                memberList[fill[all.find(u)]++] = u;
            }
        }

        void start(int grp) {
            if (memberStart == null) {
                index();
            }
            root = grp;
            members = Arrays.copyOfRange(memberList, memberStart[grp], memberStart[grp + 1]);
            local.clear();
            for (int k = 0; k < members.length; k++) {
                local.put(members[k], k);
            }
            int size = members.length;
            sum = new double[size * size];
            count = new int[size * size];
            cannot = new boolean[size * size];
        }

        private int unit(int rid) {
            return local.get(rid >= old ? rid - old : personNode.get(personOf[rid]));
        }

        void add(int ridL, int ridR, double probability, boolean cannotLink) {
            int a = unit(ridL);
            int b = unit(ridR);
            int size = members.length;
            sum[a * size + b] += probability;
            count[a * size + b]++;
            cannot[a * size + b] |= cannotLink;
        }

        void flush(double mergeMean) {
            if (root < 0) {
                return;
            }
            int size = members.length;
            AverageLinkage linkage = new AverageLinkage(size);
            for (int a = 0; a < size; a++) {
                for (int b = a + 1; b < size; b++) {
                    boolean bothExisting = members[a] >= fresh && members[b] >= fresh;
                    int c = count[a * size + b] + count[b * size + a];
                    if (bothExisting) {
                        linkage.evidence(a, b, 0, 1, true); // existing persons never merge here
                    } else if (c > 0) {
                        linkage.evidence(
                                a,
                                b,
                                sum[a * size + b] + sum[b * size + a],
                                c,
                                cannot[a * size + b] || cannot[b * size + a]);
                    }
                }
            }
            int[] cluster = linkage.cluster(mergeMean);
            // each final cluster holds at most one existing person; its new records take that person's id
            long[] person = new long[size];
            Arrays.fill(person, Long.MIN_VALUE);
            for (int k = 0; k < size; k++) {
                if (members[k] >= fresh) {
                    person[cluster[k]] = nodePerson.get(members[k] - fresh);
                }
            }
            long[] freshLabel = new long[size];
            Arrays.fill(freshLabel, Long.MIN_VALUE);
            for (int k = 0; k < size; k++) {
                if (members[k] < fresh) {
                    int c = cluster[k];
                    if (person[c] != Long.MIN_VALUE) {
                        label[members[k]] = person[c];
                    } else {
                        if (freshLabel[c] == Long.MIN_VALUE) {
                            freshLabel[c] =
                                    -1 - members[k]; // members ascend, so this is the cluster's first new record
                        }
                        label[members[k]] = freshLabel[c];
                    }
                }
            }
            root = -1;
        }
    }
}
