package org.datafirst.linkage.settings;

import static org.datafirst.linkage.settings.InvalidSettingsException.require;

import java.util.List;

/**
 * How the model is trained.
 *
 * @param deterministicRules rules whose matches estimate the prior (Splink's
 *        {@code estimate_probability_two_random_records_match})
 * @param recall the stated recall of the deterministic rules (0 < recall <= 1)
 * @param uMaxPairs random pairs sampled to estimate u
 * @param emBlockingRules one EM session per rule; comparisons the rule reads are fixed in that session
 * @param maxIterations EM iteration cap per session
 * @param tolerance stop EM when no parameter moves more than this
 * @param seed seed for the random u sample
 */
public record TrainingSettings(
        List<BlockingRule> deterministicRules,
        double recall,
        long uMaxPairs,
        List<BlockingRule> emBlockingRules,
        int maxIterations,
        double tolerance,
        long seed) {
    public TrainingSettings {
        require(
                deterministicRules != null && !deterministicRules.isEmpty(),
                "deterministic_rules",
                "must have at least one rule");
        require(recall > 0 && recall <= 1, "recall", "must be greater than 0 and at most 1");
        require(uMaxPairs >= 1000, "u_max_pairs", "must be at least 1000");
        require(
                emBlockingRules != null && !emBlockingRules.isEmpty(),
                "em_blocking_rules",
                "must have at least one rule");
        require(maxIterations >= 1 && maxIterations <= 10_000, "max_iterations", "must be between 1 and 10000");
        require(tolerance > 0 && tolerance < 1, "tolerance", "must be between 0 and 1 (exclusive)");
        deterministicRules = List.copyOf(deterministicRules);
        emBlockingRules = List.copyOf(emBlockingRules);
    }
}
