package org.datafirst.catalogue.linkagequality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datafirst.catalogue.problem.ProblemError;

/**
 * Disclosure control applied again by the catalogue (BRIEF §6): counts are whole numbers, no published count from 1
 * to {@code minimum - 1}, the report's own threshold no lower than ours, and no suppressed count computable from
 * the published figures ({@link DifferencingCheck}). A pure function of the report.
 */
public final class DisclosureCheck {

    /** Members whose values are counts of people or pairs, wherever they appear. */
    static final Set<String> COUNTS = Set.of(
            "records",
            "source_datasets",
            "scored_pairs",
            "accepted_pairs",
            "clusters",
            "pairs",
            "records_with_duplicates",
            "linked_records",
            "true_pairs",
            "true_positives",
            "false_positives",
            "false_negatives",
            "clusters_of_2_or_more",
            "clusters_of_3_or_more",
            "suspicious_clusters",
            "records_in_suspicious_clusters",
            "clusters_with_bridges",
            "clusters_mixing_people",
            "records_in_mixed_clusters",
            "people_with_2_or_more_records",
            "people_split_over_clusters",
            // the cross-justice stage report of `linkage pipeline` (publishable like any module report)
            "records_moved_to_keep_dataset_ids_whole");
    /** Members whose every value is a count (id_changes: kept, new, retired … of person ids across refreshes). */
    static final Set<String> COUNT_MAPS = Set.of("cluster_size_distribution", "unparsed_dates", "id_changes");

    private DisclosureCheck() {}

    public static List<ProblemError> check(JsonNode report, int minimum, String location) {
        List<ProblemError> errors = new ArrayList<>();
        JsonNode declared = report.path("disclosure_control").path("minimum_count");
        if (declared.isInt() && declared.asInt() < minimum) {
            errors.add(new ProblemError(
                    location,
                    "/disclosure_control/minimum_count",
                    "is " + declared.asInt() + "; the catalogue publishes no count below " + minimum));
        }
        walk(report, "", false, minimum, location, errors);
        if (errors.isEmpty()) {
            errors.addAll(DifferencingCheck.check(report, minimum, location));
        }
        return errors;
    }

    private static void walk(
            JsonNode node, String pointer, boolean isCount, int minimum, String location, List<ProblemError> errors) {
        if (isCount && node.isNumber() && !(node.isIntegralNumber() && node.canConvertToLong())) {
            // 5.0 or 5e0 reads as 5 but is not written as a count; refused rather than rounded, so what is
            // checked is exactly what is stored and served
            errors.add(new ProblemError(
                    location,
                    pointer,
                    "count " + node.asText() + " must be a whole number written without a decimal point or exponent"));
        } else if (isCount && node.isIntegralNumber() && node.asLong() > 0 && node.asLong() < minimum) {
            errors.add(new ProblemError(
                    location, pointer, "count " + node.asLong() + " is below " + minimum + " and must be suppressed"));
        }
        if (node.isObject()) {
            boolean allCounts = COUNT_MAPS.contains(lastToken(pointer));
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                walk(
                        member.getValue(),
                        pointer + "/" + escape(member.getKey()),
                        allCounts || COUNTS.contains(member.getKey()),
                        minimum,
                        location,
                        errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, false, minimum, location, errors);
            }
        }
    }

    private static String lastToken(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
