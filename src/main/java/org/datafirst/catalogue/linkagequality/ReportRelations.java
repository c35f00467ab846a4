package org.datafirst.catalogue.linkagequality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the counts of a linkage-quality report are tied together, read from the report as published. A figure is
 * named by its JSON pointer; a figure the report never publishes (records of a group without duplicates, pairs
 * below the threshold, true pairs between two thresholds…) by a pointer and what it is, and is shown at the
 * pointer of the published figure it is the rest of.
 *
 * <ul>
 *   <li>per group: {@code records = records_with_duplicates + the rest}, {@code records = linked_records + the
 *       rest} per other dataset, {@code records = records with a value + records without} per identifying column;
 *   <li>roles add up to their dataset's "(all)" group (records, duplicates, linked records per other dataset,
 *       records with a value per column), and the datasets' "(all)" records to {@code overall.records};
 *   <li>{@code overall.scored_pairs = accepted_pairs + the rest} and {@code = the histogram's pairs};
 *       {@code overall.clusters = the size bands} and {@code clusters_of_3_or_more = the bands from 3};
 *       {@code clusters_of_3_or_more = suspicious_clusters + the rest};
 *   <li>evaluation: per threshold {@code true_pairs = TP + FN} and {@code TP + FP} predicted; thresholds in
 *       descending order each add pairs to the one before;
 *   <li>evaluation of the clusters: {@code clusters_of_2_or_more = clusters_mixing_people + the rest},
 *       {@code people_with_2_or_more_records = people_split_over_clusters + the rest};
 *   <li>id changes: {@code ids = kept + kept_after_merge_or_split + new}, {@code previous_ids = kept +
 *       kept_after_merge_or_split + retired}.
 * </ul>
 *
 * Rates: each has a numerator and a denominator among these figures.
 */
final class ReportRelations {

    record Sum(String total, List<String> parts) {
        List<String> figures() {
            List<String> all = new ArrayList<>(parts);
            all.add(total);
            return all;
        }
    }

    /** A published rate, rounded to 6 places: numerator / denominator. */
    record Rate(String pointer, String numerator, String denominator, double value) {}

    /** A figure computed from counts ({@code from}), published or not. */
    record Derived(String pointer, List<String> from, boolean published) {}

    private record Unpublished(String shownAt, String what) {}

    private final Map<String, Long> published = new LinkedHashMap<>();
    private final Set<String> suppressed = new LinkedHashSet<>();
    private final List<Sum> sums = new ArrayList<>();
    private final List<Rate> rates = new ArrayList<>();
    private final List<Derived> derived = new ArrayList<>();
    private final Map<String, Unpublished> unpublished = new HashMap<>();
    private final JsonNode report;

    private ReportRelations(JsonNode report) {
        this.report = report;
    }

    static ReportRelations of(JsonNode report) {
        ReportRelations r = new ReportRelations(report);
        r.groups();
        r.overall();
        r.evaluation();
        r.idChanges();
        return r;
    }

    Map<String, Long> published() {
        return published;
    }

    Set<String> suppressed() {
        return suppressed;
    }

    List<Sum> sums() {
        return sums;
    }

    List<Rate> rates() {
        return rates;
    }

    List<Derived> derived() {
        return derived;
    }

    String pointerOf(String figure) {
        Unpublished u = unpublished.get(figure);
        return u == null ? figure : u.shownAt();
    }

    String describe(String figure) {
        Unpublished u = unpublished.get(figure);
        return u == null ? "the suppressed count " + figure : u.what();
    }

    private void groups() {
        Map<String, String> all = new LinkedHashMap<>();
        Map<String, List<String>> roles = new LinkedHashMap<>();
        JsonNode groups = report.path("groups");
        for (int i = 0; i < groups.size(); i++) {
            JsonNode g = groups.get(i);
            String at = "/groups/" + i;
            String dataset = g.path("source_dataset").asText();
            if ("(all)".equals(g.path("role").asText())) {
                all.put(dataset, at);
            } else {
                roles.computeIfAbsent(dataset, k -> new ArrayList<>()).add(at);
            }
            String records = count(at + "/records");
            String duplicates = count(at + "/records_with_duplicates");
            complement(records, duplicates, "records of " + at + " without duplicates");
            rate(at + "/duplicate_rate", duplicates, records);
            for (String column : names(g.path("identifier_completeness"))) {
                String with = withValue(at, column);
                complement(records, with, "records of " + at + " without a value in " + column);
                rate(at + "/identifier_completeness/" + escape(column), with, records);
            }
            JsonNode links = g.path("cross_dataset_link_rates");
            for (int l = 0; l < links.size(); l++) {
                String linked = count(at + "/cross_dataset_link_rates/" + l + "/linked_records");
                complement(
                        records,
                        linked,
                        "records of " + at + " not linked to "
                                + links.get(l).path("other_dataset").asText());
                rate(at + "/cross_dataset_link_rates/" + l + "/rate", linked, records);
            }
        }
        roles.forEach((dataset, parts) -> {
            String total = all.get(dataset);
            if (total == null) {
                return;
            }
            sum(total + "/records", parts.stream().map(p -> p + "/records").toList());
            sum(
                    total + "/records_with_duplicates",
                    parts.stream().map(p -> p + "/records_with_duplicates").toList());
            for (String column : names(at(total).path("identifier_completeness"))) {
                sum(
                        withValue(total, column),
                        parts.stream().map(p -> withValue(p, column)).toList());
            }
            JsonNode links = at(total).path("cross_dataset_link_rates");
            for (int l = 0; l < links.size(); l++) {
                String other = links.get(l).path("other_dataset").asText();
                List<String> cells = new ArrayList<>();
                for (String p : parts) {
                    JsonNode partLinks = at(p).path("cross_dataset_link_rates");
                    for (int k = 0; k < partLinks.size(); k++) {
                        if (partLinks.get(k).path("other_dataset").asText().equals(other)) {
                            cells.add(p + "/cross_dataset_link_rates/" + k + "/linked_records");
                        }
                    }
                }
                sum(total + "/cross_dataset_link_rates/" + l + "/linked_records", cells);
            }
        });
        if (!all.isEmpty() && report.path("overall").has("records")) {
            sum(
                    count("/overall/records"),
                    all.values().stream().map(g -> g + "/records").toList());
        }
    }

    private void overall() {
        JsonNode overall = report.path("overall");
        String scored = count("/overall/scored_pairs");
        String accepted = count("/overall/accepted_pairs");
        count("/overall/records");
        count("/overall/source_datasets");
        complement(scored, accepted, "scored pairs below the threshold");
        JsonNode histogram = overall.path("match_weight_histogram");
        if (!histogram.isEmpty()) {
            List<String> bins = new ArrayList<>();
            for (int i = 0; i < histogram.size(); i++) {
                bins.add(count("/overall/match_weight_histogram/" + i + "/pairs"));
            }
            sum(scored, bins);
        }
        String clusters = count("/overall/clusters");
        JsonNode clustering = overall.path("clustering");
        String distribution = "/overall/clustering/cluster_size_distribution";
        List<String> bands = new ArrayList<>();
        List<String> fromThree = new ArrayList<>();
        for (String band : names(clustering.path("cluster_size_distribution"))) {
            String figure = count(distribution + "/" + escape(band));
            bands.add(figure);
            if (!band.equals("1") && !band.equals("2")) {
                fromThree.add(figure);
            }
        }
        if (!bands.isEmpty()) {
            sum(clusters, bands);
        }
        derive("/overall/expected_false_matches", List.of(accepted));
        if (clustering.has("clusters_of_3_or_more")) {
            String three = count("/overall/clustering/clusters_of_3_or_more");
            if (!bands.isEmpty()) {
                sum(three, fromThree);
            }
            String suspicious = count("/overall/clustering/suspicious_clusters");
            complement(three, suspicious, "clusters of 3 or more records that are not suspicious");
            rate("/overall/clustering/suspicious_cluster_rate", suspicious, three);
            derive("/overall/clustering/mean_density_of_clusters_of_3_or_more", List.of(three));
        }
        for (String f : List.of("records_in_suspicious_clusters", "clusters_with_bridges")) {
            count("/overall/clustering/" + f);
        }
    }

    private void evaluation() {
        JsonNode evaluation = report.path("evaluation");
        if (evaluation.isMissingNode()) {
            return;
        }
        String truePairs = count("/evaluation/true_pairs");
        List<String> rows = new ArrayList<>(List.of("/evaluation/at_threshold", "/evaluation/best_f1"));
        for (int i = 0; i < evaluation.path("across_thresholds").size(); i++) {
            rows.add("/evaluation/across_thresholds/" + i);
        }
        rows.removeIf(r -> at(r).isMissingNode());
        for (String row : rows) {
            String tp = count(row + "/true_positives");
            String fp = count(row + "/false_positives");
            String fn = count(row + "/false_negatives");
            sum(truePairs, List.of(tp, fn));
            String predicted = unpublished(row + "/false_positives", "pairs accepted at " + row);
            sum(predicted, List.of(tp, fp));
            metrics(row, tp, fp, fn, predicted, truePairs);
        }
        rows.sort(Comparator.comparingDouble(
                        (String r) -> at(r).path("threshold_match_probability").asDouble())
                .reversed());
        for (int i = 1; i < rows.size(); i++) {
            String before = rows.get(i - 1);
            String after = rows.get(i);
            for (String f : List.of("true_positives", "false_positives")) {
                String between =
                        unpublished(after + "/" + f, f.replace('_', ' ') + " between " + before + " and " + after);
                sum(after + "/" + f, List.of(before + "/" + f, between));
            }
        }
        String clusters = "/evaluation/clusters";
        JsonNode c = at(clusters);
        for (String m : List.of("pairwise", "connected_components_at_best_threshold")) {
            String row = clusters + "/" + m;
            if (!at(row).isMissingNode()) {
                String tp = count(row + "/true_positives");
                String fp = count(row + "/false_positives");
                String fn = count(row + "/false_negatives");
                metrics(row, tp, fp, fn, null, null);
            }
        }
        if (c.has("clusters_of_2_or_more")) {
            String two = count(clusters + "/clusters_of_2_or_more");
            String mixing = count(clusters + "/clusters_mixing_people");
            complement(two, mixing, "clusters of 2 or more records holding one person only");
            rate(clusters + "/mixed_cluster_rate", mixing, two);
            count(clusters + "/records_in_mixed_clusters");
            String people = count(clusters + "/people_with_2_or_more_records");
            String split = count(clusters + "/people_split_over_clusters");
            complement(people, split, "people with 2 or more records in one cluster");
            rate(clusters + "/split_people_rate", split, people);
        }
    }

    /** Precision, recall and F1 rest on TP, FP and FN: each must be suppressed when one of them is. */
    private void metrics(String row, String tp, String fp, String fn, String predicted, String truePairs) {
        for (String measure : List.of("precision", "recall", "f1")) {
            derive(row + "/" + measure, List.of(tp, fp, fn));
        }
        if (predicted != null) {
            rate(row + "/precision/value", tp, predicted);
            rate(row + "/recall/value", tp, truePairs);
        }
    }

    private void idChanges() {
        JsonNode ids = report.path("id_changes");
        if (ids.isMissingNode()) {
            return;
        }
        String at = "/id_changes";
        List<String> carried = List.of(count(at + "/kept"), count(at + "/kept_after_merge_or_split"));
        List<String> now = new ArrayList<>(carried);
        now.add(count(at + "/new"));
        List<String> before = new ArrayList<>(carried);
        before.add(count(at + "/retired"));
        sum(count(at + "/ids"), now);
        sum(count(at + "/previous_ids"), before);
    }

    /** Registers the count at {@code pointer}: published when a whole number, unknown when suppressed. */
    private String count(String pointer) {
        JsonNode node = report.at(pointer);
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            published.put(pointer, node.asLong());
        } else if (node.path("suppressed").asBoolean(false)) {
            suppressed.add(pointer);
        }
        return pointer;
    }

    private String unpublished(String shownAt, String what) {
        String figure = "(" + what + ")";
        unpublished.put(figure, new Unpublished(shownAt, what));
        return figure;
    }

    private void complement(String whole, String part, String what) {
        sums.add(new Sum(whole, List.of(part, unpublished(pointerOf(part), what))));
    }

    private void sum(String total, List<String> parts) {
        if (!parts.isEmpty()) {
            sums.add(new Sum(total, List.copyOf(parts)));
        }
    }

    private void rate(String pointer, String numerator, String denominator) {
        JsonNode node = report.at(pointer);
        if (node.isNumber()) {
            rates.add(new Rate(pointer, numerator, denominator, node.asDouble()));
        }
        derive(pointer, List.of(numerator, denominator));
    }

    private void derive(String pointer, List<String> from) {
        JsonNode node = report.at(pointer);
        if (!node.isMissingNode()) {
            // a null rate is published too: it tells that its denominator is 0
            derived.add(new Derived(pointer, from, !node.path("suppressed").asBoolean(false)));
        }
    }

    private String withValue(String group, String column) {
        return unpublished(
                group + "/identifier_completeness/" + escape(column),
                "records of " + group + " with a value in " + column);
    }

    private JsonNode at(String pointer) {
        return report.at(pointer);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
