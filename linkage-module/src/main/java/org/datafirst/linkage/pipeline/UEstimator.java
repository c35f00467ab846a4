package org.datafirst.linkage.pipeline;

import java.util.List;
import org.datafirst.linkage.settings.Comparison;
import org.datafirst.linkage.settings.LinkType;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Dialect;

/**
 * Step "u by random sampling": u is the level distribution among random pairs (almost all of which
 * are non-matches). Pairs are drawn with a deterministic hash of the draw number and the seed, so the
 * estimate is reproducible whatever the thread count.
 */
public final class UEstimator {

    private UEstimator() {
    }

    public record Result(double[][] u, long sampledPairs) {
    }

    public static Result run(DuckDbSession db, LinkageSettings settings) {
        long n = db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE);
        if (n < 2) {
            throw new InputDataException("need at least 2 records to estimate u, got " + n);
        }
        long draws = settings.training().uMaxPairs();
        if (settings.linkType() == LinkType.LINK_ONLY) {
            draws = draws * 2; // about half the draws fall within one dataset and are dropped
        }
        long seed = settings.training().seed();
        List<Comparison> cs = settings.comparisons();
        // The sample is filtered on its own: a filter across l and r in the scoring query made DuckDB
        // choose a plan 40x slower.
        String draw = "SELECT (hash(i, " + seed + ", 1) % " + n + ")::BIGINT AS a, (hash(i, " + seed + ", 2) % " + n
                + ")::BIGINT AS b FROM range(" + draws + ") t(i)";
        if (settings.linkType() == LinkType.LINK_ONLY) {
            db.execute("CREATE OR REPLACE TEMP TABLE __u_sample AS SELECT s.a, s.b FROM (" + draw + ") s JOIN "
                    + LoadStep.TABLE + " x ON x.__rid = s.a JOIN " + LoadStep.TABLE + " y ON y.__rid = s.b WHERE x.__sd <> y.__sd");
        } else {
            db.execute("CREATE OR REPLACE TEMP TABLE __u_sample AS SELECT a, b FROM (" + draw + ") WHERE a <> b");
        }
        String source = "SELECT " + ComparisonVectors.gammaSelect(cs, Dialect.DUCKDB) + " FROM __u_sample s JOIN "
                + LoadStep.TABLE + " l ON l.__rid = s.a JOIN " + LoadStep.TABLE + " r ON r.__rid = s.b";
        PatternCounts pc = PatternCounts.query(db, ComparisonVectors.gammaColumns(cs), cs.size(), source);
        db.execute("DROP TABLE __u_sample");
        double[][] u = levelShares(pc, cs);
        return new Result(u, pc.total());
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
