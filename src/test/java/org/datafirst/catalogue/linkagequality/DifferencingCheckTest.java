package org.datafirst.catalogue.linkagequality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.datafirst.catalogue.problem.ProblemError;
import org.datafirst.catalogue.support.Documents;
import org.datafirst.catalogue.validation.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each differencing attack the issue lists, on a report that passes as it is. */
class DifferencingCheckTest {

    private static final String SUPPRESSED = "{\"suppressed\": true, \"reason\": \"count below 10\"}";

    /** Two roles of one dataset, a histogram, size bands and an evaluation: every sum holds, nothing leaks. */
    static ObjectNode report() {
        return Documents.json("""
                {"disclosure_control": {"minimum_count": 10},
                 "overall": {"records": 1000, "scored_pairs": 3000, "accepted_pairs": 400, "clusters": 700,
                             "expected_false_matches": 3.2,
                             "match_weight_histogram": [{"lower_weight": -2, "pairs": 2600},
                                                        {"lower_weight": 5, "pairs": 400}],
                             "clustering": {"cluster_size_distribution": {"1": 500, "2": 150, "3": 30, "4": 20},
                                            "clusters_of_3_or_more": 50, "suspicious_clusters": 20,
                                            "suspicious_cluster_rate": 0.4}},
                 "groups": [
                   {"source_dataset": "family", "role": "(all)", "records": 1000,
                    "identifier_completeness": {"surname": 0.95}, "records_with_duplicates": 300, "duplicate_rate": 0.3,
                    "cross_dataset_link_rates": [{"other_dataset": "probation", "linked_records": 200, "rate": 0.2}]},
                   {"source_dataset": "family", "role": "applicant", "records": 600,
                    "identifier_completeness": {"surname": 0.95}, "records_with_duplicates": 180, "duplicate_rate": 0.3,
                    "cross_dataset_link_rates": [{"other_dataset": "probation", "linked_records": 120, "rate": 0.2}]},
                   {"source_dataset": "family", "role": "respondent", "records": 400,
                    "identifier_completeness": {"surname": 0.95}, "records_with_duplicates": 120, "duplicate_rate": 0.3,
                    "cross_dataset_link_rates": [{"other_dataset": "probation", "linked_records": 80, "rate": 0.2}]}],
                 "evaluation": {"true_pairs": 380,
                   "at_threshold": {"threshold_match_probability": 0.5, "true_positives": 360, "false_positives": 40,
                                    "false_negatives": 20, "precision": {"value": 0.9}, "recall": {"value": 0.947368},
                                    "f1": {"value": 0.923}},
                   "best_f1": {"threshold_match_probability": 0.5, "true_positives": 360, "false_positives": 40,
                               "false_negatives": 20, "precision": {"value": 0.9}, "recall": {"value": 0.947368},
                               "f1": {"value": 0.923}},
                   "across_thresholds": [
                     {"threshold_match_probability": 0.9, "true_positives": 300, "false_positives": 10,
                      "false_negatives": 80, "precision": {"value": 0.967742}, "recall": {"value": 0.789474},
                      "f1": {"value": 0.87}},
                     {"threshold_match_probability": 0.2, "true_positives": 370, "false_positives": 60,
                      "false_negatives": 10, "precision": {"value": 0.860465}, "recall": {"value": 0.973684},
                      "f1": {"value": 0.91}}]}}
                """);
    }

    static String suppress(ObjectNode report, String pointer) {
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) report.at(pointer.substring(0, slash)))
                .set(pointer.substring(slash + 1), Documents.json(SUPPRESSED));
        return pointer;
    }

    static void set(ObjectNode report, String pointer, long value) {
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) report.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1), value);
    }

    static void setRate(ObjectNode report, String pointer, double value) {
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) report.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1), value);
    }

    private static Arguments attack(String name, Consumer<ObjectNode> change, String pointer) {
        return Arguments.of(name, change, pointer);
    }

    /** name, the change (a small count suppressed, the figures that give it back left published), where the leak is */
    static Stream<Arguments> attacks() {
        return Stream.of(
                attack(
                        "a dataset total minus its other roles",
                        r -> {
                            set(r, "/groups/1/records", 995);
                            set(r, "/groups/0/records", 1000);
                            suppress(r, "/groups/2/records");
                            suppressRates(r, 2);
                        },
                        "/groups/2/records"),
                attack(
                        "true pairs minus false negatives",
                        r -> {
                            set(r, "/evaluation/true_pairs", 380);
                            set(r, "/evaluation/across_thresholds/0/false_negatives", 375);
                            suppress(r, "/evaluation/across_thresholds/0/true_positives");
                            suppressMeasures(r, "/evaluation/across_thresholds/0");
                        },
                        "/evaluation/across_thresholds/0/true_positives"),
                attack(
                        "a histogram total minus the other bins",
                        r -> {
                            set(r, "/overall/match_weight_histogram/0/pairs", 2995);
                            suppress(r, "/overall/match_weight_histogram/1/pairs");
                            set(r, "/overall/scored_pairs", 3000);
                        },
                        "/overall/match_weight_histogram/1/pairs"),
                attack(
                        "clusters minus the other size bands",
                        r -> {
                            set(r, "/overall/clustering/cluster_size_distribution/1", 520);
                            set(r, "/overall/clustering/cluster_size_distribution/2", 176);
                            suppress(r, "/overall/clustering/cluster_size_distribution/3");
                            suppress(r, "/overall/clustering/cluster_size_distribution/4");
                            suppress(r, "/overall/clustering/clusters_of_3_or_more");
                            suppress(r, "/overall/clustering/suspicious_clusters");
                            r.with("overall").with("clustering").remove("suspicious_cluster_rate");
                        },
                        "/overall/clustering/cluster_size_distribution/3"),
                attack(
                        "a rate times its published total",
                        r -> setRate(r, "/groups/2/identifier_completeness/surname", 0.9925),
                        "/groups/2/identifier_completeness/surname"),
                attack(
                        "a rate beside its suppressed numerator",
                        r -> suppress(r, "/groups/1/records_with_duplicates"),
                        "/groups/1/duplicate_rate"),
                attack(
                        "a complement: records minus records with duplicates",
                        r -> {
                            set(r, "/groups/2/records_with_duplicates", 394);
                            set(r, "/groups/1/records_with_duplicates", 186);
                            set(r, "/groups/0/records_with_duplicates", 580);
                            for (int g = 0; g < 3; g++) {
                                ((ObjectNode) r.withArray("groups").get(g)).remove("duplicate_rate");
                            }
                        },
                        "/groups/2/records_with_duplicates"),
                attack(
                        "one threshold minus the next",
                        r -> set(r, "/evaluation/across_thresholds/1/true_positives", 365),
                        "/evaluation/across_thresholds/1/true_positives"),
                attack(
                        "accepted pairs minus scored pairs",
                        r -> {
                            set(r, "/overall/accepted_pairs", 2996);
                            r.with("overall").remove("match_weight_histogram");
                        },
                        "/overall/accepted_pairs"),
                attack(
                        "two suppressed roles that together are small",
                        r -> {
                            r.withArray("groups")
                                    .add(r.withArray("groups").get(2).deepCopy());
                            ((ObjectNode) r.withArray("groups").get(3)).put("role", "child");
                            set(r, "/groups/1/records", 993);
                            suppress(r, "/groups/2/records");
                            suppressRates(r, 2);
                            suppress(r, "/groups/3/records");
                            suppressRates(r, 3);
                        },
                        "/groups/2/records"));
    }

    /** A group whose records are suppressed takes its rates and per-role counts with it, as the module does. */
    private static void suppressRates(ObjectNode r, int group) {
        for (String f : new String[] {"duplicate_rate", "records_with_duplicates"}) {
            suppress(r, "/groups/" + group + "/" + f);
        }
        suppress(r, "/groups/" + group + "/identifier_completeness/surname");
        suppress(r, "/groups/" + group + "/cross_dataset_link_rates/0/rate");
        suppress(r, "/groups/" + group + "/cross_dataset_link_rates/0/linked_records");
    }

    private static void suppressMeasures(ObjectNode r, String row) {
        for (String m : new String[] {"precision", "recall", "f1"}) {
            suppress(r, row + "/" + m);
        }
    }

    @Test
    void theUnchangedReportPasses() {
        assertThat(DifferencingCheck.check(report(), 10, "body")).isEmpty();
    }

    /** linkage generate -n 5000 --seed 14, linkage run with examples/synthetic.json and its truth (7 datasets, roles). */
    @Test
    void aReportTheModuleWroteOnSyntheticRecordsPassesTheSchemaAndEveryCheck() throws Exception {
        JsonNode written;
        try (var in = getClass().getResourceAsStream("/linkagequality/module-synthetic-report.json")) {
            written = new ObjectMapper().readTree(in);
        }
        assertThat(JsonSchemas.validate(JsonSchemas.LINKAGE_QUALITY_REPORT, written, "body"))
                .isEmpty();
        assertThat(DisclosureCheck.check(written, 10, "body")).isEmpty();
        assertThat(ReportRelations.of(written).sums()).hasSizeGreaterThan(50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void eachAttackIsRefusedAtTheFigureThatGivesTheCountAway(String name, Consumer<ObjectNode> change, String pointer) {
        ObjectNode report = report();
        change.accept(report);
        assertThat(DifferencingCheck.check(report, 10, "body"))
                .as(name)
                .extracting(ProblemError::pointer)
                .contains(pointer);
    }
}
