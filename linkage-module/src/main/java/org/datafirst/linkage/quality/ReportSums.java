package org.datafirst.linkage.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sums that tie the counts of a module quality report together, handed to {@link Disclosure#secondary} (the one
 * implementation of secondary suppression) so that no count from 1 to 9 can be worked out from the published ones.
 * The catalogue checks a report it receives against the same relations (its {@code ReportRelations}) and refuses one
 * that gives a small count back.
 * <ul>
 * <li>roles add up to their dataset: {@code records}, {@code records_with_duplicates}, each
 * {@code linked_records} and the records with a value in each identifying column of a dataset's roles sum to the
 * dataset's "(all)" figure;</li>
 * <li>datasets add up to the whole: the "(all)" {@code records} of the datasets sum to {@code overall.records};</li>
 * <li>complements, whose second part is never published: {@code records = records_with_duplicates + the rest},
 * {@code records = linked_records + the rest}, {@code records = records with a value + records without} (the first
 * is the completeness rate times the records), {@code scored_pairs = accepted_pairs + the rest},
 * {@code clusters_of_3_or_more = suspicious_clusters + the rest}, and in the evaluation of the clusters
 * {@code clusters_of_2_or_more = clusters_mixing_people + the rest}, {@code people_with_2_or_more_records =
 * people_split_over_clusters + the rest};</li>
 * <li>{@code overall.scored_pairs} = the histogram's pairs; {@code overall.clusters} = the size bands and
 * {@code clusters_of_3_or_more} = the bands from 3;</li>
 * <li>evaluation, per threshold: {@code true_pairs = TP + FN}, {@code TP + FP} accepted; taken in descending order
 * of threshold each threshold's TP and FP are the previous threshold's plus the pairs between them.</li>
 * </ul>
 * The report is read as written, counts already through {@link Disclosure#count}: a suppressed count is unknown.
 * A count suppressed here takes the rates and estimates computed from it with it (a rate and its published
 * denominator give the count back).
 */
public final class ReportSums {

    /** A number (or its suppression) at {@code holder.field}. */
    private record Cell(ObjectNode holder, String field) {
        JsonNode node() {
            return holder.get(field);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cell c && c.holder == holder && c.field.equals(field);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(holder) * 31 + field.hashCode();
        }
    }

    /** A count the report never publishes, named by the figure it sits beside and what it is. */
    private record Unpublished(Cell beside, String what) {}

    /** The count behind a published rate: the rate times its published denominator. */
    private record Implied(Cell rate, Cell denominator) {
        Long value() {
            JsonNode r = rate.node();
            JsonNode d = denominator.node();
            return r != null && r.isNumber() && d != null && d.isIntegralNumber()
                    ? Math.round(r.asDouble() * d.asLong())
                    : null;
        }
    }

    private final Disclosure disclosure;
    private final List<Disclosure.Sum<Object>> sums = new ArrayList<>();
    private final Map<Cell, List<Cell>> rates = new LinkedHashMap<>();

    private ReportSums(Disclosure disclosure) {
        this.disclosure = disclosure;
    }

    /** Suppresses in {@code report} what its sums would give back; returns the cells suppressed. */
    public static int apply(ObjectNode report, Disclosure disclosure) {
        ReportSums a = new ReportSums(disclosure);
        a.collect(report);
        Map<Object, Long> published = new LinkedHashMap<>();
        for (Disclosure.Sum<Object> s : a.sums) {
            List<Object> cells = new ArrayList<>(s.parts());
            cells.add(s.total());
            for (Object c : cells) {
                if (c instanceof Cell cell && cell.node() != null && cell.node().isIntegralNumber()) {
                    published.put(cell, cell.node().asLong());
                } else if (c instanceof Implied implied && implied.value() != null) {
                    published.put(implied, implied.value());
                }
            }
        }
        Set<Object> hide = disclosure.secondary(published, a.sums, Set.of());
        for (Object c : hide) {
            a.hide(c instanceof Implied implied ? implied.rate() : (Cell) c);
        }
        return hide.size();
    }

    private void collect(ObjectNode report) {
        Map<String, ObjectNode> all = new LinkedHashMap<>();
        Map<String, List<ObjectNode>> roles = new LinkedHashMap<>();
        for (JsonNode g : report.path("groups")) {
            ObjectNode group = (ObjectNode) g;
            String sd = group.path("source_dataset").asText();
            if ("(all)".equals(group.path("role").asText())) {
                all.put(sd, group);
            } else {
                roles.computeIfAbsent(sd, k -> new ArrayList<>()).add(group);
            }
            Cell records = new Cell(group, "records");
            Cell duplicates = new Cell(group, "records_with_duplicates");
            complement(records, duplicates, "records without duplicates");
            rate(duplicates, new Cell(group, "duplicate_rate"));
            rate(records, new Cell(group, "duplicate_rate"));
            if (group.get("identifier_completeness") instanceof ObjectNode completeness) {
                completeness.fieldNames().forEachRemaining(f -> {
                    Cell rate = new Cell(completeness, f);
                    rate(records, rate);
                    complement(records, new Implied(rate, records), "records without a value");
                });
            }
            for (JsonNode l : group.path("cross_dataset_link_rates")) {
                Cell linked = new Cell((ObjectNode) l, "linked_records");
                complement(records, linked, "records not linked");
                rate(linked, new Cell((ObjectNode) l, "rate"));
                rate(records, new Cell((ObjectNode) l, "rate"));
            }
        }
        roles.forEach((sd, parts) -> {
            ObjectNode total = all.get(sd);
            if (total == null) {
                return;
            }
            sum(
                    new Cell(total, "records"),
                    parts.stream().map(p -> new Cell(p, "records")).toList());
            sum(
                    new Cell(total, "records_with_duplicates"),
                    parts.stream()
                            .map(p -> new Cell(p, "records_with_duplicates"))
                            .toList());
            if (total.get("identifier_completeness") instanceof ObjectNode completeness) {
                completeness
                        .fieldNames()
                        .forEachRemaining(f -> sum(
                                implied(total, f),
                                parts.stream().map(p -> implied(p, f)).toList()));
            }
            for (JsonNode l : total.path("cross_dataset_link_rates")) {
                String other = l.path("other_dataset").asText();
                List<Cell> cells = new ArrayList<>();
                for (ObjectNode p : parts) {
                    for (JsonNode pl : p.path("cross_dataset_link_rates")) {
                        if (pl.path("other_dataset").asText().equals(other)) {
                            cells.add(new Cell((ObjectNode) pl, "linked_records"));
                        }
                    }
                }
                sum(new Cell((ObjectNode) l, "linked_records"), cells);
            }
        });
        if (report.get("overall") instanceof ObjectNode overall) {
            if (!all.isEmpty()) {
                sum(
                        new Cell(overall, "records"),
                        all.values().stream().map(g -> new Cell(g, "records")).toList());
            }
            overall(overall);
        }
        if (report.get("evaluation") instanceof ObjectNode evaluation) {
            evaluation(evaluation);
        }
    }

    private void overall(ObjectNode overall) {
        Cell scored = new Cell(overall, "scored_pairs");
        Cell accepted = new Cell(overall, "accepted_pairs");
        complement(scored, accepted, "scored pairs below the threshold");
        rate(accepted, new Cell(overall, "expected_false_matches"));
        List<Cell> bins = new ArrayList<>();
        overall.path("match_weight_histogram").forEach(b -> bins.add(new Cell((ObjectNode) b, "pairs")));
        sum(scored, bins);
        if (overall.get("clustering") instanceof ObjectNode clustering) {
            List<Cell> bands = new ArrayList<>();
            List<Cell> fromThree = new ArrayList<>();
            if (clustering.get("cluster_size_distribution") instanceof ObjectNode distribution) {
                distribution.fieldNames().forEachRemaining(band -> {
                    bands.add(new Cell(distribution, band));
                    if (!band.equals("1") && !band.equals("2")) {
                        fromThree.add(new Cell(distribution, band));
                    }
                });
            }
            sum(new Cell(overall, "clusters"), bands);
            if (clustering.has("clusters_of_3_or_more")) {
                Cell three = new Cell(clustering, "clusters_of_3_or_more");
                sum(three, fromThree);
                Cell suspicious = new Cell(clustering, "suspicious_clusters");
                complement(three, suspicious, "clusters of 3 or more that are not suspicious");
                rate(suspicious, new Cell(clustering, "suspicious_cluster_rate"));
                rate(three, new Cell(clustering, "suspicious_cluster_rate"));
                rate(three, new Cell(clustering, "mean_density_of_clusters_of_3_or_more"));
            }
        }
    }

    private void evaluation(ObjectNode evaluation) {
        Cell truePairs = new Cell(evaluation, "true_pairs");
        List<ObjectNode> rows = new ArrayList<>();
        for (String name : List.of("at_threshold", "best_f1")) {
            if (evaluation.get(name) instanceof ObjectNode row) {
                rows.add(row);
            }
        }
        evaluation.path("across_thresholds").forEach(r -> rows.add((ObjectNode) r));
        for (ObjectNode row : rows) {
            Cell tp = new Cell(row, "true_positives");
            Cell fp = new Cell(row, "false_positives");
            Cell fn = new Cell(row, "false_negatives");
            sum(truePairs, List.of(tp, fn));
            sum(new Unpublished(fp, "pairs accepted"), List.of(tp, fp));
            measures(row);
            rate(truePairs, new Cell(row, "recall"));
        }
        rows.sort(Comparator.comparingDouble(
                        (ObjectNode r) -> r.path("threshold_match_probability").asDouble())
                .reversed());
        for (int i = 1; i < rows.size(); i++) {
            for (String f : List.of("true_positives", "false_positives")) {
                Cell after = new Cell(rows.get(i), f);
                sum(after, List.of(new Cell(rows.get(i - 1), f), new Unpublished(after, "pairs between thresholds")));
            }
        }
        if (evaluation.get("clusters") instanceof ObjectNode clusters) {
            for (String name : List.of("pairwise", "connected_components_at_best_threshold")) {
                if (clusters.get(name) instanceof ObjectNode row) {
                    measures(row);
                }
            }
            if (clusters.has("clusters_of_2_or_more")) {
                Cell two = new Cell(clusters, "clusters_of_2_or_more");
                Cell mixing = new Cell(clusters, "clusters_mixing_people");
                complement(two, mixing, "clusters holding one person");
                rate(two, new Cell(clusters, "mixed_cluster_rate"));
                rate(mixing, new Cell(clusters, "mixed_cluster_rate"));
                Cell people = new Cell(clusters, "people_with_2_or_more_records");
                Cell split = new Cell(clusters, "people_split_over_clusters");
                complement(people, split, "people kept in one cluster");
                rate(people, new Cell(clusters, "split_people_rate"));
                rate(split, new Cell(clusters, "split_people_rate"));
            }
        }
    }

    /** Precision, recall and F1 rest on TP, FP and FN. */
    private void measures(ObjectNode row) {
        for (String count : List.of("true_positives", "false_positives", "false_negatives")) {
            for (String measure : List.of("precision", "recall", "f1")) {
                rate(new Cell(row, count), new Cell(row, measure));
            }
        }
    }

    private static Implied implied(ObjectNode group, String column) {
        return new Implied(
                new Cell((ObjectNode) group.get("identifier_completeness"), column), new Cell(group, "records"));
    }

    private void sum(Object total, List<? extends Object> parts) {
        if (!parts.isEmpty()) {
            sums.add(new Disclosure.Sum<>(total, List.copyOf(parts)));
        }
    }

    private void complement(Object whole, Object part, String what) {
        sums.add(new Disclosure.Sum<>(whole, List.of(part, new Unpublished(besideOf(part), what))));
    }

    private static Cell besideOf(Object figure) {
        return figure instanceof Implied implied ? implied.rate() : (Cell) figure;
    }

    private void rate(Cell count, Cell rate) {
        rates.computeIfAbsent(count, k -> new ArrayList<>()).add(rate);
    }

    private void hide(Cell c) {
        c.holder().set(c.field(), disclosure.suppressed(Disclosure.DERIVED + disclosure.minimum()));
        for (Cell r : rates.getOrDefault(c, List.of())) {
            JsonNode n = r.node();
            if (n != null && !n.path("suppressed").asBoolean(false)) { // a null rate tells its denominator is 0
                hide(r);
            }
        }
    }
}
