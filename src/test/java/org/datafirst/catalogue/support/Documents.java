package org.datafirst.catalogue.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Dataset documents as JSON request bodies, from the loader tests' small valid dataset. */
public final class Documents {

    private static final ObjectMapper YAML = new YAMLMapper();

    private Documents() {}

    public static ObjectNode dataset(String id) {
        try {
            return (ObjectNode) YAML.readTree(SourceFiles.dataset(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid linkage-quality report, as the linkage module publishes it. */
    public static ObjectNode linkageQualityReport() {
        return json("""
                {"format": "datafirst-linkage-quality-report/1",
                 "provenance": {"software": "datafirst linkage-module", "software_version": "0.1.0",
                                "settings_sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                "run_started": "2025-05-30T09:00:00Z", "run_seconds": 12.5, "link_type": "dedupe_only",
                                "threshold_match_probability": 0.5,
                                "model": {"probability_two_random_records_match": 0.0001, "comparisons": []}},
                 "disclosure_control": {"minimum_count": 10, "rule": "counts from 1 to 9 are suppressed"},
                 "overall": {"records": 1000, "scored_pairs": 25000, "accepted_pairs": 480, "clusters": 700,
                             "expected_false_matches": 3.2, "expected_missed_matches": 4.1,
                             "match_weight_histogram": [{"lower_weight": 1, "upper_weight": 2, "pairs": 0}]},
                 "groups": [{"source_dataset": "corpus", "role": "(all)", "records": 1000,
                             "identifier_completeness": {"surname": 0.98},
                             "records_with_duplicates": {"suppressed": true, "reason": "count below 10"},
                             "duplicate_rate": {"suppressed": true, "reason": "derived from a count below 10"},
                             "cluster_size_distribution": {"1": 900, "2": 50},
                             "cross_dataset_link_rates": []}]}
                """);
    }

    /** The report the linkage module wrote on 5,000 synthetic records (7 datasets, roles; passes every check). */
    public static ObjectNode moduleSyntheticReport() {
        try (var in = Documents.class.getResourceAsStream("/linkagequality/module-synthetic-report.json")) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
