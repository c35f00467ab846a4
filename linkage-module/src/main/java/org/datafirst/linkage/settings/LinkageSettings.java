package org.datafirst.linkage.settings;

import static org.datafirst.linkage.settings.InvalidSettingsException.require;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole model description, in the spirit of Splink's settings dictionary.
 *
 * @param linkType dedupe_only, link_only or link_and_dedupe
 * @param uniqueIdColumn the record id within a source dataset
 * @param sourceDatasetColumn the column naming the source dataset (filled from the input name when absent)
 * @param roleColumn optional column with the person's role (defendant, applicant …) for the quality report
 * @param comparisons the comparisons making up the comparison vector
 * @param blockingRules blocking rules to generate predictions; later rules skip pairs of earlier ones
 * @param training how m, u and the prior are estimated
 * @param matchThreshold match probability at or above which a pair is a match (and clustered)
 * @param scoredPairsFloor scored pairs below this probability are not written out
 * @param personIdColumn name of the person id column in outputs (e.g. estimated_xjs_id)
 * @param lowercase whether standardisation lower-cases text columns
 * @param clustering how accepted pairs become person ids
 */
public record LinkageSettings(
        LinkType linkType,
        String uniqueIdColumn,
        String sourceDatasetColumn,
        String roleColumn,
        List<Comparison> comparisons,
        List<BlockingRule> blockingRules,
        TrainingSettings training,
        double matchThreshold,
        double scoredPairsFloor,
        String personIdColumn,
        boolean lowercase,
        ClusteringSettings clustering) {

    public LinkageSettings {
        require(linkType != null, "link_type", "must be one of dedupe_only, link_only, link_and_dedupe");
        require(uniqueIdColumn != null && !uniqueIdColumn.isBlank(), "unique_id_column_name", "must not be empty");
        sourceDatasetColumn = sourceDatasetColumn == null ? "source_dataset" : sourceDatasetColumn;
        require(comparisons != null && !comparisons.isEmpty(), "comparisons", "must have at least one comparison");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < comparisons.size(); i++) {
            require(
                    names.add(comparisons.get(i).name()),
                    "comparisons[" + i + "].output_column_name",
                    "duplicate comparison name '" + comparisons.get(i).name() + "'");
        }
        require(
                blockingRules != null && !blockingRules.isEmpty(),
                "blocking_rules_to_generate_predictions",
                "must have at least one rule");
        require(training != null, "training", "is required");
        require(
                matchThreshold > 0 && matchThreshold < 1,
                "threshold_match_probability",
                "must be between 0 and 1 (exclusive)");
        require(
                scoredPairsFloor >= 0 && scoredPairsFloor <= matchThreshold,
                "scored_pairs_floor",
                "must be between 0 and threshold_match_probability");
        personIdColumn = personIdColumn == null ? "person_id" : personIdColumn;
        require(
                Comparison.NAME.matcher(personIdColumn).matches(),
                "person_id_column_name",
                "must be letters, digits and underscores");
        comparisons = List.copyOf(comparisons);
        blockingRules = List.copyOf(blockingRules);
        clustering = clustering == null ? ClusteringSettings.DEFAULT : clustering;
    }

    public LinkageSettings withClustering(ClusteringSettings c) {
        return new LinkageSettings(
                linkType,
                uniqueIdColumn,
                sourceDatasetColumn,
                roleColumn,
                comparisons,
                blockingRules,
                training,
                matchThreshold,
                scoredPairsFloor,
                personIdColumn,
                lowercase,
                c);
    }

    /** Every input column the model reads (comparisons and term-frequency columns). */
    public Set<String> inputColumns() {
        Set<String> cols = new LinkedHashSet<>();
        for (Comparison c : comparisons) {
            cols.addAll(c.columns());
            c.levels().forEach(l -> l.termFrequency().ifPresent(tf -> cols.add(tf.column())));
        }
        return cols;
    }

    /** Columns that need a term-frequency table. */
    public Set<String> termFrequencyColumns() {
        Set<String> cols = new LinkedHashSet<>();
        comparisons.forEach(c -> c.levels().forEach(l -> l.termFrequency().ifPresent(tf -> cols.add(tf.column()))));
        return cols;
    }
}
