package org.datafirst.linkage.crossjustice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datafirst.linkage.quality.Disclosure;

/**
 * Secondary suppression across the counts of a quality report, so that no count from 1 to 9 can be
 * worked out by adding or subtracting published ones. {@link Disclosure} already suppresses each small
 * count and the rates resting on it; this pass adds the cells that arithmetic would give back:
 * <ul>
 * <li>roles add up to their dataset: {@code records}, {@code records_with_duplicates} and each
 * {@code linked_records} of a dataset's roles sum to the dataset's "(all)" figure;</li>
 * <li>datasets add up to the whole: the "(all)" {@code records} of the datasets sum to {@code overall.records};</li>
 * <li>complements: {@code records − records_with_duplicates} and {@code records − linked_records} must not be small.</li>
 * </ul>
 * In a sum where exactly one cell is suppressed, or where the suppressed cells together come to a small count,
 * the smallest published part is suppressed too, until nothing changes. A suppressed count takes the rates
 * computed from it with it (a rate and its published denominator give the count back).
 */
final class SmallCountAudit {

    private final Disclosure disclosure;
    private final List<Sum> sums = new ArrayList<>();
    private final List<Cell[]> complements = new ArrayList<>();
    private final Map<Cell, List<Cell>> rates = new LinkedHashMap<>();

    private SmallCountAudit(Disclosure disclosure) {
        this.disclosure = disclosure;
    }

    /** A number (or its suppression) at {@code holder.field}. */
    private record Cell(ObjectNode holder, String field) {
        JsonNode node() {
            return holder.get(field);
        }

        boolean hidden() {
            return node() == null || !node().isNumber();
        }

        long value() {
            return node().asLong();
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

    private record Sum(Cell total, List<Cell> parts) {}

    /** Applies the rules to one report (a module quality report with {@code overall} and {@code groups}); returns cells suppressed. */
    static int apply(ObjectNode report, Disclosure disclosure) {
        SmallCountAudit a = new SmallCountAudit(disclosure);
        a.collect(report);
        return a.fix();
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
            complements.add(new Cell[] {records, duplicates});
            rate(duplicates, new Cell(group, "duplicate_rate"));
            if (group.get("identifier_completeness") instanceof ObjectNode completeness) {
                completeness.fieldNames().forEachRemaining(f -> rate(records, new Cell(completeness, f)));
            }
            rate(records, new Cell(group, "duplicate_rate"));
            for (JsonNode l : group.path("cross_dataset_link_rates")) {
                Cell linked = new Cell((ObjectNode) l, "linked_records");
                complements.add(new Cell[] {records, linked});
                rate(linked, new Cell((ObjectNode) l, "rate"));
                rate(records, new Cell((ObjectNode) l, "rate"));
            }
        }
        roles.forEach((sd, parts) -> {
            ObjectNode total = all.get(sd);
            if (total == null) {
                return;
            }
            sums.add(new Sum(
                    new Cell(total, "records"),
                    parts.stream().map(p -> new Cell(p, "records")).toList()));
            sums.add(new Sum(
                    new Cell(total, "records_with_duplicates"),
                    parts.stream()
                            .map(p -> new Cell(p, "records_with_duplicates"))
                            .toList()));
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
                sums.add(new Sum(new Cell((ObjectNode) l, "linked_records"), cells));
            }
        });
        if (report.get("overall") instanceof ObjectNode overall && !all.isEmpty()) {
            sums.add(new Sum(
                    new Cell(overall, "records"),
                    all.values().stream().map(g -> new Cell(g, "records")).toList()));
        }
    }

    private void rate(Cell count, Cell rate) {
        rates.computeIfAbsent(count, k -> new ArrayList<>()).add(rate);
    }

    private int fix() {
        int hidden = 0;
        for (boolean changed = true; changed; ) {
            changed = false;
            for (Cell[] c : complements) {
                if (!c[0].hidden() && !c[1].hidden() && disclosure.isSmall(c[0].value() - c[1].value())) {
                    hide(c[1]);
                    hidden++;
                    changed = true;
                }
            }
            for (Sum s : sums) {
                List<Cell> cells = new ArrayList<>(s.parts());
                cells.add(s.total());
                long suppressed = cells.stream().filter(Cell::hidden).count();
                if (suppressed == 0) {
                    continue;
                }
                boolean recoverable = suppressed == 1;
                if (!recoverable && !s.total().hidden()) {
                    long residual = s.total().value()
                            - s.parts().stream()
                                    .filter(p -> !p.hidden())
                                    .mapToLong(Cell::value)
                                    .sum();
                    recoverable = disclosure.isSmall(residual);
                }
                if (recoverable) {
                    Cell next = smallestPublished(s);
                    if (next != null) {
                        hide(next);
                        hidden++;
                        changed = true;
                    }
                }
            }
        }
        return hidden;
    }

    /** The smallest published non-zero part, else the total. */
    private static Cell smallestPublished(Sum s) {
        Cell best = null;
        for (Cell p : s.parts()) {
            if (!p.hidden() && p.value() > 0 && (best == null || p.value() < best.value())) {
                best = p;
            }
        }
        return best != null ? best : s.total().hidden() ? null : s.total();
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
