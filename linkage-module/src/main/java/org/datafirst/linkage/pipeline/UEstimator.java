package org.datafirst.linkage.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.Comparison;
import org.datafirst.linkage.settings.ComparisonLevel;
import org.datafirst.linkage.settings.LinkType;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Dialect;
import org.datafirst.linkage.sql.Sql;

/**
 * Step "u by random sampling": u is the level distribution among random pairs (almost all of which
 * are non-matches).
 *
 * <p>As Splink does, the pairs are not drawn one by one: each record enters a sample with
 * probability f, and every pair within the sample that the link type allows is compared (for
 * link_only, pairs across source datasets; otherwise all distinct pairs). Every allowed pair is then
 * in the sample with the same probability f², so the level shares are unbiased for u, and with
 * f = √(u_max_pairs / possible pairs) about u_max_pairs pairs are compared. A record's membership
 * is a seeded hash of its row number, so the estimate is reproducible whatever the thread count.
 *
 * <p>u is a marginal per comparison, so each comparison is counted on its own, and most of its
 * levels (null, exact, similarity, distance, date difference) depend only on the pair of values of
 * one column. Those levels are evaluated once per pair of <em>distinct</em> values in the sample,
 * weighted by how many sampled pairs carry that pair of values (n·m, or n(n−1)/2 for a value with
 * itself): 4,500 sampled records hold only a few hundred first names, so a Jaro-Winkler similarity
 * is computed 0.3M times instead of 10M. The levels that read more (columns reversed, custom SQL,
 * a level on another column) are then settled on the sampled pairs where one of them holds, found by
 * a join of the sample with itself: those pairs move from the gamma their values alone would give to
 * their real gamma. The counts equal those of comparing every sampled pair, because every
 * value-decided level is symmetric in its two values (a test checks the equality).
 */
public final class UEstimator {

    /** Membership is decided on a hash into this many buckets (resolution of f; see Dialect#hashBucket). */
    private static final long BUCKETS = 1L << 32;

    private static final String SAMPLE = "__u_sample";
    private static final String VALUES = "__u_values";

    private UEstimator() {}

    public record Result(double[][] u, long sampledPairs) {}

    public static Result run(Engine db, LinkageSettings settings) {
        long n = db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE);
        if (n < 2) {
            throw new InputDataException("need at least 2 records to estimate u, got " + n);
        }
        double possible = PriorEstimator.possiblePairs(db, settings.linkType());
        if (!(possible > 0)) {
            throw new InputDataException("link_only needs records from at least 2 source datasets to estimate u");
        }
        double f = Math.min(1.0, Math.sqrt(settings.training().uMaxPairs() / possible));
        long cut = (long) Math.ceil(f * BUCKETS);
        db.createTable(
                SAMPLE,
                "SELECT * FROM " + LoadStep.TABLE + " WHERE "
                        + db.dialect().hashBucket("__rid", settings.training().seed()) + " < " + cut);
        boolean linkOnly = settings.linkType() == LinkType.LINK_ONLY;
        Dialect d = db.dialect();
        List<Comparison> cs = settings.comparisons();
        long[][] counts = new long[cs.size()][];
        for (int k = 0; k < cs.size(); k++) {
            counts[k] = levelCounts(db, cs.get(k), settings.linkType());
        }
        long pairs = db.queryLong(
                linkOnly
                        ? "SELECT coalesce(" + d.integerDivide("sum(c) * sum(c) - sum(c * c)", "2")
                                + ", 0) FROM (SELECT count(*) AS c FROM " + SAMPLE + " GROUP BY __sd)"
                        : "SELECT " + d.integerDivide("count(*) * (count(*) - 1)", "2") + " FROM " + SAMPLE);
        db.dropTable(SAMPLE);
        return new Result(levelShares(counts), pairs);
    }

    /** Pairs of the sample at each gamma 0..levels-1 of one comparison (pairs at the null level are not counted). */
    private static long[] levelCounts(Engine db, Comparison c, LinkType linkType) {
        long[] counts = new long[c.levelCount()];
        boolean linkOnly = linkType == LinkType.LINK_ONLY;
        String pairCondition = Blocking.pairFilter(linkType);
        Optional<String> column = valueColumn(c);
        if (column.isEmpty()) {
            // nothing to share between pairs of values: compare every sampled pair
            add(
                    counts,
                    gammaCounts(
                            db,
                            part -> "SELECT " + c.gammaSql(db.dialect()) + " AS g, count(*) AS n FROM " + SAMPLE
                                    + " l JOIN " + SAMPLE + " r ON " + pairCondition + " WHERE " + part + " GROUP BY g",
                            "l.__rid"),
                    1);
            return counts;
        }
        Predicate<ComparisonLevel> byValue = level -> level instanceof ComparisonLevel.ElseLevel
                || level.valueColumn().equals(column);
        Dialect d = db.dialect();
        String valueGamma = c.gammaSql(d, byValue);

        // 1. every pair of distinct values (with the source dataset for link_only), weighted by its sampled pairs
        String col = Sql.ident(column.get());
        db.createTable(
                VALUES,
                "SELECT *, row_number() OVER (ORDER BY " + col + (linkOnly ? ", __sd" : "") + ") AS __vid FROM (SELECT "
                        + col + (linkOnly ? ", __sd" : "")
                        + ", count(*) AS __n FROM " + SAMPLE + " GROUP BY ALL) v");
        String weightedPairs = linkOnly
                ? " AS g, sum(l.__n * r.__n) AS n FROM " + VALUES + " l JOIN " + VALUES + " r ON l.__sd < r.__sd"
                : " AS g, sum(CASE WHEN l.__vid = r.__vid THEN " + d.integerDivide("l.__n * (l.__n - 1)", "2")
                        + " ELSE l.__n * r.__n END) AS n FROM "
                        + VALUES + " l JOIN " + VALUES + " r ON l.__vid <= r.__vid";
        add(
                counts,
                gammaCounts(
                        db,
                        part -> "SELECT " + valueGamma + weightedPairs + " WHERE " + part + " GROUP BY g",
                        "l.__vid"),
                1);
        db.dropTable(VALUES);

        // 2. the sampled pairs where a level reading more than this column's values holds: their real gamma
        List<String> others = new ArrayList<>();
        for (ComparisonLevel level : c.levels()) {
            if (!byValue.test(level)) {
                others.add("(" + level.sql(db.dialect()) + ")");
            }
        }
        if (!others.isEmpty() && !c.dateLevels().stream().allMatch(byValue)) {
            others.add("(" + c.unparsedDateSql(db.dialect()) + ")");
        }
        if (!others.isEmpty()) {
            List<List<Object>> rows = db.query("SELECT " + c.gammaSql(db.dialect()) + ", " + valueGamma
                    + ", count(*) FROM " + SAMPLE + " l JOIN " + SAMPLE + " r ON " + pairCondition + " AND ("
                    + String.join(" OR ", others) + ") GROUP BY ALL");
            for (List<Object> row : rows) {
                long pairs = ((Number) row.get(2)).longValue();
                add(counts, Map.of(((Number) row.get(1)).intValue(), pairs), -1);
                add(counts, Map.of(((Number) row.get(0)).intValue(), pairs), 1);
            }
        }
        return counts;
    }

    /**
     * The column that most of the comparison's levels decide on by its pair of values alone, if any
     * level does (the comparison's own column as a rule).
     */
    static Optional<String> valueColumn(Comparison c) {
        Map<String, Integer> uses = new LinkedHashMap<>();
        for (ComparisonLevel level : c.levels()) {
            level.valueColumn().ifPresent(col -> uses.merge(col, 1, Integer::sum));
        }
        return uses.entrySet().stream()
                .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                .map(Map.Entry::getKey);
    }

    /**
     * Runs {@code select} (given a condition on {@code partitionColumn}, it yields gamma {@code g} and a
     * count {@code n}) as one part per DuckDB thread, and sums the counts per gamma.
     * A join of two small tables would otherwise run on one thread (one row group); the parts of a
     * UNION ALL run side by side.
     */
    private static Map<Integer, Long> gammaCounts(Engine db, Function<String, String> select, String partitionColumn) {
        long threads = Math.max(1, db.parallelism());
        List<String> parts = new ArrayList<>();
        for (long i = 0; i < threads; i++) {
            parts.add(select.apply(threads == 1 ? "TRUE" : partitionColumn + " % " + threads + " = " + i));
        }
        Map<Integer, Long> out = new LinkedHashMap<>();
        for (List<Object> row :
                db.query("SELECT g, sum(n) FROM (" + String.join(" UNION ALL ", parts) + ") GROUP BY g")) {
            out.put(((Number) row.get(0)).intValue(), ((Number) row.get(1)).longValue());
        }
        return out;
    }

    /** Adds {@code sign} × the counts at gammas 0 and above (the null level's −1 is not counted). */
    private static void add(long[] counts, Map<Integer, Long> byGamma, int sign) {
        byGamma.forEach((g, n) -> {
            if (g >= 0) {
                counts[g] += sign * n;
            }
        });
    }

    /** Share of pairs at each gamma, per comparison, from the pair counts at each gamma (null level excluded). */
    static double[][] levelShares(long[][] counts) {
        double[][] u = new double[counts.length][];
        for (int k = 0; k < counts.length; k++) {
            long[] c = counts[k];
            u[k] = new double[c.length];
            double total = 0;
            for (long x : c) {
                total += x;
            }
            for (int g = 0; g < c.length; g++) {
                // half a pair for levels never seen, so that a Bayes factor stays finite and honest
                u[k][g] = total == 0 ? 1.0 / c.length : Math.max(c[g], 0.5) / (total + 0.5);
            }
        }
        return u;
    }
}
