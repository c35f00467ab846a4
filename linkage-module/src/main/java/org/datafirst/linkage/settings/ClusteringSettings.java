package org.datafirst.linkage.settings;

import static org.datafirst.linkage.settings.InvalidSettingsException.require;

import java.util.List;
import java.util.Locale;

/**
 * How accepted pairs become person ids.
 *
 * @param method {@code average_linkage} (default): candidate groups from the accepted pairs are re-scored
 *        pair by pair and split where the records do not belong together on average; or
 *        {@code connected_components}: every chain of accepted pairs is one person (Splink's clustering)
 * @param maxComponentSize the largest candidate group average linkage re-scores whole; larger groups are
 *        first cut by taking accepted pairs strongest first while the group stays within this size
 * @param cannotLinkRules conditions over {@code l} and {@code r} under which two records are never the
 *        same person (e.g. co-defendants on one case); they hold for average linkage
 * @param mergeMeanProbability average linkage merges two clusters while the mean match probability of the
 *        pairs across them is at least this; lower than the pair threshold, because records of one person
 *        with errors often score low with each other while each matches the rest well
 * @param vetoMatchWeight a pair scored below this match weight is a pair of different people as surely as
 *        a cannot-link rule says so
 */
public record ClusteringSettings(
        Method method,
        int maxComponentSize,
        List<BlockingRule> cannotLinkRules,
        double mergeMeanProbability,
        double vetoMatchWeight) {

    public static final ClusteringSettings DEFAULT =
            new ClusteringSettings(Method.AVERAGE_LINKAGE, 1000, List.of(), 0.1, -20);

    public ClusteringSettings {
        require(method != null, "method", "must be one of average_linkage, connected_components");
        require(
                maxComponentSize >= 2 && maxComponentSize <= 20_000,
                "max_component_size",
                "must be between 2 and 20000");
        require(
                mergeMeanProbability > 0 && mergeMeanProbability < 1,
                "merge_mean_probability",
                "must be between 0 and 1 (exclusive)");
        require(Double.isFinite(vetoMatchWeight), "veto_match_weight", "must be a number");
        cannotLinkRules = cannotLinkRules == null ? List.of() : List.copyOf(cannotLinkRules);
    }

    public ClusteringSettings withMethod(Method m) {
        return new ClusteringSettings(m, maxComponentSize, cannotLinkRules, mergeMeanProbability, vetoMatchWeight);
    }

    public enum Method {
        AVERAGE_LINKAGE,
        CONNECTED_COMPONENTS;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Method fromJson(String value) {
            for (Method m : values()) {
                if (m.jsonName().equals(value)) {
                    return m;
                }
            }
            throw new InvalidSettingsException("", "must be one of average_linkage, connected_components");
        }
    }
}
