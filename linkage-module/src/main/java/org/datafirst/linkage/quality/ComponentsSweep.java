package org.datafirst.linkage.quality;

import java.util.HashMap;
import java.util.Map;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.Predictor;

/**
 * The baseline a clustering has to beat: connected components of the scored pairs at every single
 * threshold, judged as person ids against the truth, in one pass. Pairs are added strongest first with
 * union–find; each union of clusters A and B adds |A|·|B| predicted pairs and, per true person, the
 * product of their records on either side as true positives (smaller side's counts looked up in the
 * larger's, so the pass costs O(n log n) beyond sorting the pairs).
 */
public final class ComponentsSweep {

    private ComponentsSweep() {}

    /** The best F1 of connected components over all thresholds, against a truth column of the records. */
    public static Metrics best(Engine db, String truthColumn) {
        int n = Math.toIntExact(db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE));
        int[] truth = new int[n];
        db.forEachRow(
                "SELECT __rid, CASE WHEN " + truthColumn + " IS NULL THEN -1 - __rid ELSE dense_rank() OVER (ORDER BY "
                        + truthColumn + ") END FROM " + LoadStep.TABLE,
                rs -> truth[rs.getInt(1)] = rs.getInt(2));
        Map<Integer, Long> people = new HashMap<>();
        for (int t : truth) {
            people.merge(t, 1L, Long::sum);
        }
        long truePairs =
                people.values().stream().mapToLong(k -> k * (k - 1) / 2).sum();
        Sweep sweep = new Sweep(truth, truePairs);
        db.forEachRow(
                "SELECT rid_l, rid_r, match_probability FROM " + Predictor.TABLE
                        + " WHERE rid_l <> rid_r ORDER BY match_probability DESC",
                rs -> sweep.add(rs.getInt(1), rs.getInt(2), rs.getDouble(3)));
        sweep.close();
        return sweep.best;
    }

    private static final class Sweep {
        final int[] parent;
        final int[] size;
        final int[] truth;
        final Map<Integer, Map<Integer, Long>> counts = new HashMap<>();
        final long truePairs;
        long predicted;
        long tp;
        double pending = Double.NaN;
        Metrics best;

        Sweep(int[] truth, long truePairs) {
            this.truth = truth;
            this.truePairs = truePairs;
            parent = new int[truth.length];
            size = new int[truth.length];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
                size[i] = 1;
            }
            best = Metrics.of(1.0, 0, 0, truePairs);
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        Map<Integer, Long> countsOf(int root) {
            return counts.computeIfAbsent(root, r -> {
                Map<Integer, Long> m = new HashMap<>(4);
                m.put(truth[r], 1L);
                return m;
            });
        }

        void add(int a, int b, double p) {
            if (p != pending) {
                close();
                pending = p;
            }
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            if (size[ra] < size[rb]) {
                int r = ra;
                ra = rb;
                rb = r;
            }
            Map<Integer, Long> ca = countsOf(ra);
            Map<Integer, Long> cb = countsOf(rb);
            predicted += (long) size[ra] * size[rb];
            for (Map.Entry<Integer, Long> e : cb.entrySet()) {
                Long other = ca.get(e.getKey());
                if (other != null) {
                    tp += other * e.getValue();
                }
                ca.merge(e.getKey(), e.getValue(), Long::sum);
            }
            counts.remove(rb);
            parent[rb] = ra;
            size[ra] += size[rb];
        }

        /** The state after every pair at or above {@code pending} is in: one achievable threshold. */
        void close() {
            if (Double.isNaN(pending)) {
                return;
            }
            Metrics m = Metrics.of(pending, tp, predicted - tp, truePairs - tp);
            if (m.f1() > best.f1()) {
                best = m;
            }
        }
    }
}
