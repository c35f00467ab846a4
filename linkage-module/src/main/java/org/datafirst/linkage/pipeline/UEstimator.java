package org.datafirst.linkage.pipeline;

import java.util.List;
import org.datafirst.linkage.settings.Comparison;
import org.datafirst.linkage.settings.LinkType;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Dialect;

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
 * Looking both records of each pair up in a sample of a few thousand records is cheaper than in the
 * whole input, and no draw is wasted on a pair the link type does not allow.
 */
public final class UEstimator {

    /** Membership is decided on the hash modulo this many buckets (resolution of f). */
    private static final long BUCKETS = 1L << 32;

    private UEstimator() {
    }

    public record Result(double[][] u, long sampledPairs) {
    }

    public static Result run(DuckDbSession db, LinkageSettings settings) {
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
        db.execute("CREATE OR REPLACE TEMP TABLE __u_sample AS SELECT * FROM " + LoadStep.TABLE + " WHERE hash(__rid, "
                + settings.training().seed() + ") % " + BUCKETS + " < " + cut);
        List<Comparison> cs = settings.comparisons();
        String pairFilter = settings.linkType() == LinkType.LINK_ONLY ? "l.__rid < r.__rid AND l.__sd <> r.__sd"
                : "l.__rid < r.__rid";
        // The pairs are stored first: a small table has one row group, so comparing straight from the
        // join would run on one thread; scanning the stored pairs runs on all of them.
        db.execute("CREATE OR REPLACE TEMP TABLE __u_pairs AS SELECT l.__rid AS a, r.__rid AS b FROM __u_sample l JOIN __u_sample r ON "
                + pairFilter);
        String source = "SELECT " + ComparisonVectors.gammaSelect(cs, Dialect.DUCKDB) + " FROM __u_pairs p JOIN __u_sample l ON l.__rid = p.a "
                + "JOIN __u_sample r ON r.__rid = p.b";
        PatternCounts pc = PatternCounts.query(db, ComparisonVectors.gammaColumns(cs), cs.size(), source);
        db.execute("DROP TABLE __u_pairs");
        db.execute("DROP TABLE __u_sample");
        return new Result(levelShares(pc, cs), pc.total());
    }

    /** Share of pairs at each gamma among pairs whose gamma is not null, per comparison. */
    static double[][] levelShares(PatternCounts pc, List<Comparison> cs) {
        double[][] u = new double[cs.size()][];
        for (int k = 0; k < cs.size(); k++) {
            double[] c = new double[cs.get(k).levelCount()];
            u[k] = new double[c.length];
            double total = 0;
            for (int p = 0; p < pc.size(); p++) {
                int g = pc.patterns()[p][k];
                if (g >= 0) {
                    c[g] += pc.counts()[p];
                    total += pc.counts()[p];
                }
            }
            for (int g = 0; g < c.length; g++) {
                // half a pair for levels never seen, so that a Bayes factor stays finite and honest
                u[k][g] = total == 0 ? 1.0 / c.length : Math.max(c[g], 0.5) / (total + 0.5);
            }
        }
        return u;
    }
}
