package org.datafirst.linkage.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.datafirst.linkage.io.ModelJson;
import org.junit.jupiter.api.Test;

/**
 * Reports of random figures, written as the module writes them (counts, rates and distributions through
 * {@link Disclosure}, then {@link ReportSums}): an attacker who tries every subtraction the report allows — each sum
 * with one figure unknown, over and over, with the records behind each published completeness rate — never finds a
 * count from 1 to 9 that the report does not publish, and no rate or measure stays published beside a suppressed
 * count it is computed from.
 */
class ReportSumsPropertyTest {

    private static final Disclosure D = new Disclosure(10);
    private final Random random = new Random(7);

    private long count() {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(9);
            case 2 -> 10 + random.nextInt(20);
            default -> 50 + random.nextInt(500);
        };
    }

    private long atMost(long max) {
        long v = random.nextBoolean() ? max - random.nextInt(12) : random.nextInt(12);
        return Math.max(0, Math.min(max, v));
    }

    /** Figures by name; sums as total, then parts. */
    private final Map<String, Long> truth = new HashMap<>();

    private final Map<String, JsonNode[]> where = new HashMap<>();
    private final List<List<String>> sums = new ArrayList<>();

    @Test
    void noSubtractionGivesASmallCountBackAndNoRateOutlivesItsCount() {
        int suppressedBySums = 0;
        for (int run = 0; run < 300; run++) {
            truth.clear();
            sums.clear();
            ObjectNode report = report();
            suppressedBySums += ReportSums.apply(report, D);

            Map<String, Long> known = new HashMap<>();
            read(report, known);
            boolean more = true;
            while (more) {
                more = false;
                for (List<String> sum : sums) {
                    List<String> unknown =
                            sum.stream().filter(f -> !known.containsKey(f)).toList();
                    if (unknown.size() == 1) {
                        String f = unknown.get(0);
                        long others = sum.subList(1, sum.size()).stream()
                                .filter(p -> !p.equals(f))
                                .mapToLong(known::get)
                                .sum();
                        known.put(f, f.equals(sum.get(0)) ? others : known.get(sum.get(0)) - others);
                        more = true;
                    }
                }
            }
            for (var e : known.entrySet()) {
                assertThat(D.isSmall(e.getValue()))
                        .as("run %d: %s = %d worked out from %s", run, e.getKey(), e.getValue(), report)
                        .isFalse();
            }
            for (JsonNode g : report.get("groups")) {
                if (suppressed(g.get("records")) || suppressed(g.get("records_with_duplicates"))) {
                    assertThat(suppressed(g.get("duplicate_rate")))
                            .as("run %d", run)
                            .isTrue();
                }
            }
            for (JsonNode row : report.at("/evaluation/across_thresholds")) {
                if (suppressed(row.get("true_positives")) || suppressed(row.get("false_positives"))) {
                    assertThat(suppressed(row.get("precision")))
                            .as("run %d", run)
                            .isTrue();
                }
            }
        }
        assertThat(suppressedBySums).as("cells the sums suppressed").isGreaterThan(100);
    }

    private static boolean suppressed(JsonNode n) {
        return n.path("suppressed").asBoolean(false);
    }

    /** What a reader knows: the published counts, and each completeness rate times its published records. */
    private void read(ObjectNode report, Map<String, Long> known) {
        where.forEach((name, at) -> {
            JsonNode holder = at[0];
            String field = at[1].asText();
            JsonNode v = holder.get(field);
            if (name.startsWith("w")) {
                JsonNode records = at[2].get("records");
                if (v != null && v.isNumber() && records != null && records.isIntegralNumber()) {
                    known.put(name, Math.round(v.asDouble() * records.asLong()));
                }
            } else if (v != null && v.isIntegralNumber()) {
                known.put(name, v.asLong());
            }
        });
    }

    private ObjectNode report() {
        where.clear();
        ObjectNode report = ModelJson.MAPPER.createObjectNode();
        ArrayNode groups = report.putArray("groups");
        int roles = 2 + random.nextInt(2);
        long[][] figures = new long[roles + 1][4]; // records, duplicates, linked, with a value
        for (int g = 1; g <= roles; g++) {
            long records = count();
            figures[g] = new long[] {records, atMost(records), atMost(records), atMost(records)};
            for (int k = 0; k < 4; k++) {
                figures[0][k] += figures[g][k];
            }
        }
        for (int g = 0; g <= roles; g++) {
            long[] f = figures[g];
            ObjectNode group = groups.addObject();
            group.put("source_dataset", "family");
            group.put("role", g == 0 ? "(all)" : "role " + g);
            group.set("records", D.count(f[0]));
            group.putObject("identifier_completeness").set("surname", D.rate(f[3], f[0]));
            group.set("records_with_duplicates", D.count(f[1]));
            group.set("duplicate_rate", D.rate(f[1], f[0]));
            ObjectNode link = group.putArray("cross_dataset_link_rates").addObject();
            link.put("other_dataset", "probation");
            link.set("linked_records", D.count(f[2]));
            link.set("rate", D.rate(f[2], f[0]));
            figure("r" + g, f[0], group, "records");
            figure("d" + g, f[1], group, "records_with_duplicates");
            figure("l" + g, f[2], link, "linked_records");
            figure("w" + g, f[3], group.get("identifier_completeness"), "surname");
            where.get("w" + g)[2] = group;
            truth.put("nd" + g, f[0] - f[1]);
            truth.put("nl" + g, f[0] - f[2]);
            truth.put("nw" + g, f[0] - f[3]);
            sums.add(List.of("r" + g, "d" + g, "nd" + g));
            sums.add(List.of("r" + g, "l" + g, "nl" + g));
            sums.add(List.of("r" + g, "w" + g, "nw" + g));
        }
        for (String v : List.of("r", "d", "l", "w")) {
            List<String> sum = new ArrayList<>(List.of(v + "0"));
            for (int g = 1; g <= roles; g++) {
                sum.add(v + g);
            }
            sums.add(sum);
        }
        ObjectNode overall = report.putObject("overall");
        overall.set("records", D.count(figures[0][0]));
        figure("R", figures[0][0], overall, "records");
        sums.add(List.of("R", "r0"));
        ArrayNode histogram = overall.putArray("match_weight_histogram");
        long scored = 0;
        List<String> bins = new ArrayList<>(List.of("S"));
        for (int b = 0; b < 3; b++) {
            long pairs = count();
            scored += pairs;
            ObjectNode bin = histogram.addObject().put("lower_weight", b);
            bin.set("pairs", D.count(pairs));
            figure("b" + b, pairs, bin, "pairs");
            bins.add("b" + b);
        }
        overall.set("scored_pairs", D.count(scored));
        figure("S", scored, overall, "scored_pairs");
        sums.add(bins);
        ArrayNode rows = report.putObject("evaluation").putArray("across_thresholds");
        long tp = 0;
        long fp = 0;
        List<Metrics> metrics = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            tp += count();
            fp += count();
            metrics.add(Metrics.of(0.9 - 0.2 * j, tp, fp, 0));
        }
        long truePairs = tp + count();
        ObjectNode evaluation = (ObjectNode) report.get("evaluation");
        evaluation.set("true_pairs", D.count(truePairs));
        figure("T", truePairs, evaluation, "true_pairs");
        for (int j = 0; j < 3; j++) {
            Metrics m = metrics.get(j);
            ObjectNode row = rows.addObject();
            row.put("threshold_match_probability", m.threshold());
            row.set("true_positives", D.count(m.tp()));
            row.set("false_positives", D.count(m.fp()));
            row.set("false_negatives", D.count(truePairs - m.tp()));
            boolean small = D.isSmall(m.tp()) || D.isSmall(m.fp()) || D.isSmall(truePairs - m.tp());
            row.set(
                    "precision",
                    small
                            ? D.suppressed(Disclosure.DERIVED + 10)
                            : ModelJson.MAPPER.createObjectNode().put("value", 1));
            figure("tp" + j, m.tp(), row, "true_positives");
            figure("fp" + j, m.fp(), row, "false_positives");
            figure("fn" + j, truePairs - m.tp(), row, "false_negatives");
            sums.add(List.of("T", "tp" + j, "fn" + j));
            if (j > 0) {
                truth.put("dtp" + j, m.tp() - metrics.get(j - 1).tp());
                truth.put("dfp" + j, m.fp() - metrics.get(j - 1).fp());
                sums.add(List.of("tp" + j, "tp" + (j - 1), "dtp" + j));
                sums.add(List.of("fp" + j, "fp" + (j - 1), "dfp" + j));
            }
        }
        return report;
    }

    private void figure(String name, long value, JsonNode holder, String field) {
        truth.put(name, value);
        where.put(
                name, new JsonNode[] {holder, ModelJson.MAPPER.getNodeFactory().textNode(field), null});
    }
}
