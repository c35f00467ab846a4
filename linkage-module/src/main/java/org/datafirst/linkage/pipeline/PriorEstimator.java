package org.datafirst.linkage.pipeline;

import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.LinkType;
import org.datafirst.linkage.settings.LinkageSettings;

/**
 * Step "prior": λ = (pairs matched by the deterministic rules / stated recall) / all possible
 * pairs, like Splink's {@code estimate_probability_two_random_records_match}.
 */
public final class PriorEstimator {

    private PriorEstimator() {}

    public static double run(Engine db, LinkageSettings settings) {
        long matched = Blocking.count(db, settings, settings.training().deterministicRules());
        double possible = possiblePairs(db, settings.linkType());
        double lambda = (matched / settings.training().recall()) / possible;
        if (!(lambda > 0)) {
            throw new PipelineException("the deterministic rules matched no pair, so the prior cannot be estimated;"
                    + " loosen $.training.deterministic_rules");
        }
        return Math.min(lambda, 0.999);
    }

    /** All pairs the link type could compare. */
    public static double possiblePairs(Engine db, LinkType linkType) {
        double n = db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE);
        if (linkType == LinkType.LINK_ONLY) {
            double sumSq = db.queryDouble(
                    "SELECT sum(c * c) FROM (SELECT count(*)::DOUBLE c FROM " + LoadStep.TABLE + " GROUP BY __sd)");
            return (n * n - sumSq) / 2;
        }
        return n * (n - 1) / 2;
    }
}
