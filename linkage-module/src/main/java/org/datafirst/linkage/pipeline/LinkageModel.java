package org.datafirst.linkage.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.datafirst.linkage.settings.Comparison;
import org.datafirst.linkage.settings.LinkageSettings;

/**
 * A trained Fellegi–Sunter model: the settings plus λ (probability that two random records match)
 * and m, u per comparison level. {@code m[k][g]} and {@code u[k][g]} are indexed by comparison k
 * and gamma g (0 .. levels-1; the null level has no parameters).
 *
 * @param settingsJson the settings as given, so the model file can be reused without the settings file
 * @param training what the training did (sessions, iterations), for provenance
 */
public record LinkageModel(
        LinkageSettings settings,
        JsonNode settingsJson,
        double lambda,
        double[][] m,
        double[][] u,
        List<TrainingSession> training) {

    /** Smallest m or u used in a Bayes factor, so that a level never seen gives a finite weight. */
    public static final double FLOOR = 1e-9;

    public LinkageModel {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be between 0 and 1, was " + lambda);
        }
        List<Comparison> cs = settings.comparisons();
        if (m.length != cs.size() || u.length != cs.size()) {
            throw new IllegalArgumentException("m and u need one row per comparison");
        }
        for (int k = 0; k < cs.size(); k++) {
            if (m[k].length != cs.get(k).levelCount()
                    || u[k].length != cs.get(k).levelCount()) {
                throw new IllegalArgumentException(
                        "comparison " + cs.get(k).name() + " needs " + cs.get(k).levelCount() + " m and u values");
            }
        }
        training = training == null ? List.of() : List.copyOf(training);
    }

    /** log2 of the Bayes factor m/u for comparison k at gamma g. */
    public double log2BayesFactor(int k, int g) {
        return log2(Math.max(m[k][g], FLOOR) / Math.max(u[k][g], FLOOR));
    }

    public double priorWeight() {
        return log2(lambda / (1 - lambda));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** One EM training session. */
    public record TrainingSession(
            String blockingRule,
            List<String> fixedComparisons,
            long pairs,
            int patterns,
            int iterations,
            boolean converged,
            double sessionLambda) {}
}
