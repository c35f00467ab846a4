package org.datafirst.linkage.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sums that tie the counts of a module quality report together, handed to {@link Disclosure#secondary} (the one
 * implementation of secondary suppression) so that no count from 1 to 9 can be worked out from the published ones:
 * <ul>
 * <li>roles add up to their dataset: {@code records}, {@code records_with_duplicates} and each
 * {@code linked_records} of a dataset's roles sum to the dataset's "(all)" figure;</li>
 * <li>datasets add up to the whole: the "(all)" {@code records} of the datasets sum to {@code overall.records};</li>
 * <li>complements: {@code records = records_with_duplicates + records without} and {@code records = linked_records +
 * records not linked}, where the second part is never published.</li>
 * </ul>
 * The report is read as written, counts already through {@link Disclosure#count}: a suppressed count is unknown.
 * A count suppressed here takes the rates computed from it with it (a rate and its published denominator give the
 * count back).
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

    /** The never-published rest of {@code whole} besides {@code part}. */
    private record Complement(Cell whole, Cell part) {}

    private final Disclosure disclosure;
    private final List<Disclosure.Sum<Object>> sums = new ArrayList<>();
    private final Map<Cell, List<Cell>> rates = new LinkedHashMap<>();

    private ReportSums(Disclosure disclosure) {
        this.disclosure = disclosure;
    }

    /** Suppresses in {@code report} (with {@code overall} and {@code groups}) what its sums would give back; returns the cells suppressed. */
    public static int apply(ObjectNode report, Disclosure disclosure) {
        ReportSums a = new ReportSums(disclosure);
        a.collect(report);
        Map<Object, Long> published = new LinkedHashMap<>();
        for (Disclosure.Sum<Object> s : a.sums) {
            List<Object> cells = new ArrayList<>(s.parts());
            cells.add(s.total());
            for (Object c : cells) {
                if (c instanceof Cell cell && cell.node() != null && cell.node().isNumber()) {
                    published.put(cell, cell.node().asLong());
                }
            }
        }
        Set<Object> hide = disclosure.secondary(published, a.sums, Set.of());
        hide.forEach(c -> a.hide((Cell) c));
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
            complement(records, duplicates);
            rate(duplicates, new Cell(group, "duplicate_rate"));
            if (group.get("identifier_completeness") instanceof ObjectNode completeness) {
                completeness.fieldNames().forEachRemaining(f -> rate(records, new Cell(completeness, f)));
            }
            rate(records, new Cell(group, "duplicate_rate"));
            for (JsonNode l : group.path("cross_dataset_link_rates")) {
                Cell linked = new Cell((ObjectNode) l, "linked_records");
                complement(records, linked);
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
        if (report.get("overall") instanceof ObjectNode overall && !all.isEmpty()) {
            sum(
                    new Cell(overall, "records"),
                    all.values().stream().map(g -> new Cell(g, "records")).toList());
        }
    }

    private void sum(Cell total, List<Cell> parts) {
        sums.add(new Disclosure.Sum<>(total, List.copyOf(parts)));
    }

    private void complement(Cell whole, Cell part) {
        sums.add(new Disclosure.Sum<>(whole, List.of(part, new Complement(whole, part))));
    }

    private void rate(Cell count, Cell rate) {
        rates.computeIfAbsent(count, k -> new ArrayList<>()).add(rate);
    }

    private void hide(Cell c) {
        c.holder().set(c.field(), disclosure.suppressed(Disclosure.DERIVED + disclosure.minimum()));
        for (Cell r : rates.getOrDefault(c, List.of())) {
            if (r.node() != null && r.node().isNumber()) {
                hide(r);
            }
        }
    }
}
