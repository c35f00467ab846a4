package org.datafirst.linkage.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.BlockingRule;
import org.datafirst.linkage.settings.Comparison;
import org.datafirst.linkage.settings.LinkageSettings;

/**
 * Training: prior λ from deterministic rules, u by random sampling, then one EM session per
 * training blocking rule. In a session the comparisons that the rule reads are fixed (left out),
 * and each other comparison's m is estimated; the m of a level is the median over the sessions that
 * estimated it, as Splink combines them ({@code _trained_m_median}; with two sessions the median is
 * their mean). λ of a session is only a by-product (it describes the
 * blocked pairs, not all pairs) and is not used.
 */
public final class Trainer {

    private Trainer() {}

    public static LinkageModel train(Engine db, LinkageSettings settings, JsonNode settingsJson, Progress progress) {
        return train(db, settings, settingsJson, progress, (step, seconds) -> {});
    }

    /**
     * As {@link #train(Engine, LinkageSettings, JsonNode, Progress)}, reporting the seconds of
     * its parts ({@code prior}, {@code u_estimation}, {@code em}) to {@code timings}.
     */
    public static LinkageModel train(
            Engine db,
            LinkageSettings settings,
            JsonNode settingsJson,
            Progress progress,
            BiConsumer<String, Double> timings) {
        List<Comparison> cs = settings.comparisons();
        progress.step("prior from deterministic rules");
        long t0 = System.nanoTime();
        double lambda = PriorEstimator.run(db, settings);
        long t1 = System.nanoTime();
        timings.accept("prior", (t1 - t0) / 1e9);
        progress.step("u by random sampling");
        double[][] u = UEstimator.run(db, settings).u();
        long t2 = System.nanoTime();
        timings.accept("u_estimation", (t2 - t1) / 1e9);
        double possible = PriorEstimator.possiblePairs(db, settings.linkType());

        List<List<double[]>> estimates = new ArrayList<>();
        for (int k = 0; k < cs.size(); k++) {
            estimates.add(new ArrayList<>());
        }
        List<LinkageModel.TrainingSession> sessions = new ArrayList<>();
        List<BlockingRule> rules = settings.training().emBlockingRules();
        for (BlockingRule rule : rules) {
            progress.step("EM on " + rule.describe());
            boolean[] fixed = new boolean[cs.size()];
            List<String> fixedNames = new ArrayList<>();
            for (int k = 0; k < cs.size(); k++) {
                fixed[k] = rule.uses(cs.get(k).columns());
                if (fixed[k]) {
                    fixedNames.add(cs.get(k).name());
                }
            }
            String source = Blocking.pairsSql(
                    List.of(rule), settings.linkType(), db.dialect(), ComparisonVectors.gammaSelect(cs, db.dialect()));
            PatternCounts pc = PatternCounts.query(db, ComparisonVectors.gammaColumns(cs), cs.size(), source);
            if (pc.total() == 0) {
                throw new PipelineException("training blocking rule " + rule.describe() + " produced no pairs");
            }
            double[][] mStart = new double[cs.size()][];
            for (int k = 0; k < cs.size(); k++) {
                mStart[k] = EmTrainer.initialM(cs.get(k).levelCount());
            }
            double lambdaStart = Math.min(0.9, Math.max(0.01, lambda * possible / pc.total()));
            EmTrainer.Result r = EmTrainer.run(
                    pc,
                    mStart,
                    u,
                    fixed,
                    lambdaStart,
                    settings.training().maxIterations(),
                    settings.training().tolerance());
            for (int k = 0; k < cs.size(); k++) {
                if (!fixed[k]) {
                    estimates.get(k).add(r.m()[k]);
                }
            }
            sessions.add(new LinkageModel.TrainingSession(
                    rule.describe(), fixedNames, pc.total(), pc.size(), r.iterations(), r.converged(), r.lambda()));
        }
        timings.accept("em", (System.nanoTime() - t2) / 1e9);
        double[][] m = new double[cs.size()][];
        for (int k = 0; k < cs.size(); k++) {
            if (estimates.get(k).isEmpty()) {
                throw new PipelineException(
                        "comparison '" + cs.get(k).name() + "' is read by every training blocking rule,"
                                + " so its m was never estimated; add an em_blocking_rule that does not use it");
            }
            m[k] = medianPerLevel(estimates.get(k));
        }
        return new LinkageModel(settings, settingsJson, lambda, m, u, sessions);
    }

    /**
     * Per level, the median of the sessions' m (the mean of the two middle values for an even number
     * of sessions). As in Splink, each level is taken on its own, so the result need not sum to 1.
     */
    static double[] medianPerLevel(List<double[]> sessions) {
        double[] m = new double[sessions.get(0).length];
        for (int g = 0; g < m.length; g++) {
            int level = g;
            double[] v = sessions.stream()
                    .mapToDouble(session -> session[level])
                    .sorted()
                    .toArray();
            int mid = v.length / 2;
            m[g] = v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
        }
        return m;
    }
}
