package org.datafirst.linkage.settings;

import static org.datafirst.linkage.settings.InvalidSettingsException.require;
import static org.datafirst.linkage.settings.InvalidSettingsException.requireName;

/**
 * Splink's term-frequency adjustment on a comparison level: when a pair agrees at this level on a
 * common value (e.g. surname "smith"), its Bayes factor is scaled by {@code (u / tf)^weight}, where
 * {@code tf} is the larger of the two values' relative frequencies in the input.
 *
 * @param column column whose value frequencies are used
 * @param weight 0 (no adjustment) .. 1 (full adjustment)
 */
public record TermFrequencyAdjustment(String column, double weight) {
    public TermFrequencyAdjustment {
        requireName(column, "tf_adjustment_column");
        require(weight >= 0 && weight <= 1, "tf_adjustment_weight", "must be between 0 and 1");
    }
}
