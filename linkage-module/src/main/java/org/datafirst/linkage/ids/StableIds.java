package org.datafirst.linkage.ids;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Carries person ids from the previous run to a new clustering, so that a person keeps their id when
 * their cluster did not change. Engine- and command-neutral: plain arrays or maps in, ids out.
 *
 * <p>The rule. Every (previous id, new cluster) pair that shares records is a <em>part</em>, weighed
 * by its records. Parts are taken largest first (then oldest — smallest — previous id, then the cluster
 * met first); a part gives its previous id to its cluster when neither the id nor the cluster has been
 * given one yet. So:
 * <ul>
 * <li>a cluster holding the records of one previous id, and all that id's records still present, keeps
 * it (<em>kept</em>), whether or not new records joined it or some records left the input;</li>
 * <li>a cluster merging records of several previous ids keeps the id of its largest part, the oldest id
 * on a tie (<em>merged</em>); the other ids are retired unless a larger part of theirs lies elsewhere;</li>
 * <li>when a previous id's records are split over several clusters, the largest part keeps the id and
 * the others get new ids (<em>split</em>);</li>
 * <li>a cluster that gets no previous id (only new records, or only parts whose ids went elsewhere) gets
 * a new id: highest id ever used + 1, + 2 …, in the order the clusters' first records come;</li>
 * <li>a previous id given to no cluster is <em>retired</em> and never used again.</li>
 * </ul>
 */
public final class StableIds {

    /** No id: a record new in this run, or a record of the previous run that is no longer in the input. */
    public static final long NONE = -1;

    private StableIds() {}

    /** What happened to records between two runs: {@code records} records went from {@code previousId} to {@code id}. */
    public enum Change {
        /** records keep their id */
        SAME,
        /** records now carry another id (their cluster merged with another or split) */
        MOVED,
        /** records new in this run ({@code previousId} is {@link #NONE}) */
        ADDED,
        /** records of the previous run no longer in the input ({@code id} is {@link #NONE}) */
        REMOVED
    }

    /** One line of the audit trail: where the records of an id came from or went to. */
    public record Lineage(long previousId, long id, long records, Change change) {}

    /**
     * The counts of one assignment. Ids: {@code ids = kept + keptAfterMergeOrSplit + minted} and
     * {@code previousIds = kept + keptAfterMergeOrSplit + retired}. Records: {@code records now =
     * recordsKeptId + recordsChangedId + recordsNew}, {@code records before = recordsKeptId +
     * recordsChangedId + recordsGone}.
     *
     * @param previousIds distinct ids of the previous run
     * @param ids clusters (ids) of this run
     * @param kept previous ids carried to a cluster that holds no other previous id's records, while no
     *        records of the id went to another cluster (new records may have joined, old ones may have left the input)
     * @param keptAfterMergeOrSplit previous ids carried to a cluster that merged ids or keeps the largest part of a split
     * @param minted new ids
     * @param retired previous ids given to no cluster
     * @param merged clusters holding records of two or more previous ids
     * @param split previous ids whose records are now in two or more clusters
     */
    public record Counts(
            long previousIds,
            long ids,
            long kept,
            long keptAfterMergeOrSplit,
            long minted,
            long retired,
            long merged,
            long split,
            long recordsKeptId,
            long recordsChangedId,
            long recordsNew,
            long recordsGone) {}

    /**
     * @param ids the id of each record, in the order given
     * @param lineage one line per (previous id, id) pair sharing records, per id with new records and per
     *        previous id with records gone
     * @param next the state to keep for the next run
     */
    public record Result(long[] ids, Counts counts, List<Lineage> lineage, IdState next) {}

    /** The result with the ids keyed like the input maps. */
    public record KeyedResult<K>(Map<K, Long> ids, Counts counts, List<Lineage> lineage, IdState next) {}

    /**
     * Map form. {@code clusters} holds every record of this run (key → any cluster label); {@code previous}
     * every record of the previous run (key → id), including records no longer present. Ids are minted in
     * the iteration order of {@code clusters}: pass a {@link java.util.LinkedHashMap} or
     * {@link java.util.TreeMap} for reproducible ids.
     */
    public static <K> KeyedResult<K> assign(Map<K, Long> previous, Map<K, Long> clusters, IdState state) {
        int n = clusters.size();
        long[] previousId = new long[n];
        long[] cluster = new long[n];
        List<K> keys = new ArrayList<>(n);
        int i = 0;
        for (Map.Entry<K, Long> e : clusters.entrySet()) {
            keys.add(e.getKey());
            cluster[i] = e.getValue();
            Long p = previous.get(e.getKey());
            previousId[i++] = p == null ? NONE : p;
        }
        long[] gone = previous.entrySet().stream()
                .filter(e -> !clusters.containsKey(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .toArray();
        Result r = assign(previousId, cluster, gone, state);
        Map<K, Long> ids = new java.util.LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            ids.put(keys.get(k), r.ids()[k]);
        }
        return new KeyedResult<>(ids, r.counts(), r.lineage(), r.next());
    }

    /**
     * Array form, for large runs. Record k of this run had id {@code previousId[k]} ({@link #NONE} when
     * new) and falls in cluster {@code cluster[k]} (any label); {@code goneRecordIds} holds the previous
     * id of each record of the previous run that is no longer present.
     *
     * @throws IllegalArgumentException when a previous id is negative, above the state's highest id or retired
     */
    public static Result assign(long[] previousId, long[] cluster, long[] goneRecordIds, IdState state) {
        int n = cluster.length;
        if (previousId.length != n) {
            throw new IllegalArgumentException("previousId and cluster must have one entry per record");
        }
        // dense cluster index, in order of first appearance
        Map<Long, Integer> clusterIndex = new HashMap<>();
        int[] c = new int[n];
        for (int k = 0; k < n; k++) {
            c[k] = clusterIndex.computeIfAbsent(cluster[k], x -> clusterIndex.size());
        }
        int clusters = clusterIndex.size();
        // dense previous-id index, ascending id (so a smaller index is an older id)
        long[] previous = distinctIds(previousId, goneRecordIds, state);
        int[] p = new int[n];
        for (int k = 0; k < n; k++) {
            p[k] = previousId[k] == NONE ? -1 : Arrays.binarySearch(previous, previousId[k]);
        }
        // parts: (cluster, previous id) → records, from one sort of packed keys
        long width = previous.length;
        long[] packed = new long[n];
        int m = 0;
        long[] newRecords = new long[clusters];
        for (int k = 0; k < n; k++) {
            if (p[k] < 0) {
                newRecords[c[k]]++;
            } else {
                packed[m++] = c[k] * width + p[k];
            }
        }
        Arrays.sort(packed, 0, m);
        List<long[]> parts = new ArrayList<>();
        for (int a = 0; a < m; ) {
            int b = a;
            while (b < m && packed[b] == packed[a]) {
                b++;
            }
            parts.add(new long[] {packed[a] / width, packed[a] % width, b - a});
            a = b;
        }
        int[] partsOfCluster = new int[clusters];
        int[] partsOfPrevious = new int[previous.length];
        for (long[] part : parts) {
            partsOfCluster[(int) part[0]]++;
            partsOfPrevious[(int) part[1]]++;
        }
        // largest part first, then the oldest id, then the cluster met first
        parts.sort((x, y) -> x[2] != y[2]
                ? Long.compare(y[2], x[2])
                : x[1] != y[1] ? Long.compare(x[1], y[1]) : Long.compare(x[0], y[0]));
        long[] idOfCluster = new long[clusters];
        Arrays.fill(idOfCluster, NONE);
        boolean[] carried = new boolean[previous.length];
        for (long[] part : parts) {
            int cl = (int) part[0];
            int pr = (int) part[1];
            if (idOfCluster[cl] == NONE && !carried[pr]) {
                idOfCluster[cl] = previous[pr];
                carried[pr] = true;
            }
        }
        long next = state.highestId();
        long minted = 0;
        long kept = 0;
        long merged = 0;
        for (int cl = 0; cl < clusters; cl++) {
            if (idOfCluster[cl] == NONE) {
                idOfCluster[cl] = ++next;
                minted++;
            } else if (partsOfCluster[cl] == 1
                    && partsOfPrevious[Arrays.binarySearch(previous, idOfCluster[cl])] == 1) {
                kept++;
            }
            if (partsOfCluster[cl] >= 2) {
                merged++;
            }
        }
        long[] ids = new long[n];
        long keptId = 0;
        long changedId = 0;
        long added = 0;
        for (int k = 0; k < n; k++) {
            ids[k] = idOfCluster[c[k]];
            if (p[k] < 0) {
                added++;
            } else if (previousId[k] == ids[k]) {
                keptId++;
            } else {
                changedId++;
            }
        }
        // the audit trail
        List<Lineage> lineage = new ArrayList<>();
        parts.sort((x, y) -> x[1] != y[1] ? Long.compare(x[1], y[1]) : Long.compare(x[0], y[0]));
        for (long[] part : parts) {
            long from = previous[(int) part[1]];
            long to = idOfCluster[(int) part[0]];
            lineage.add(new Lineage(from, to, part[2], from == to ? Change.SAME : Change.MOVED));
        }
        for (int cl = 0; cl < clusters; cl++) {
            if (newRecords[cl] > 0) {
                lineage.add(new Lineage(NONE, idOfCluster[cl], newRecords[cl], Change.ADDED));
            }
        }
        long[] goneSorted = goneRecordIds.clone();
        Arrays.sort(goneSorted);
        for (int a = 0; a < goneSorted.length; ) {
            int b = a;
            while (b < goneSorted.length && goneSorted[b] == goneSorted[a]) {
                b++;
            }
            lineage.add(new Lineage(goneSorted[a], NONE, b - a, Change.REMOVED));
            a = b;
        }
        TreeSet<Long> retired = new TreeSet<>(state.retired());
        long retiredNow = 0;
        long split = 0;
        for (int pr = 0; pr < previous.length; pr++) {
            if (!carried[pr]) {
                retired.add(previous[pr]);
                retiredNow++;
            }
            if (partsOfPrevious[pr] >= 2) {
                split++;
            }
        }
        long carriedCount = clusters - minted;
        Counts counts = new Counts(
                previous.length,
                clusters,
                kept,
                carriedCount - kept,
                minted,
                retiredNow,
                merged,
                split,
                keptId,
                changedId,
                added,
                goneRecordIds.length);
        return new Result(ids, counts, lineage, new IdState(next, retired));
    }

    /** The distinct previous ids, ascending, after checking each against the state. */
    private static long[] distinctIds(long[] present, long[] gone, IdState state) {
        long[] all = new long[present.length + gone.length];
        int m = 0;
        for (long id : present) {
            if (id != NONE) {
                all[m++] = id;
            }
        }
        for (long id : gone) {
            all[m++] = id;
        }
        long[] ids = Arrays.stream(all, 0, m).sorted().distinct().toArray();
        for (long id : ids) {
            if (id < 0 || id > state.highestId()) {
                throw new IllegalArgumentException("previous id " + id + " lies outside 0.." + state.highestId()
                        + ", the ids the state says were ever used");
            }
            if (state.retired().contains(id)) {
                throw new IllegalArgumentException(
                        "previous id " + id + " was retired in an earlier run and cannot name anyone");
            }
        }
        return ids;
    }
}
