package org.datafirst.catalogue.linkagequality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random reports with a known truth, published with small counts suppressed and other counts suppressed at random
 * (some enough, some not): whenever an attacker who tries every subtraction — each sum with one unknown left, over
 * and over, with each published rate times its published total — finds a count from 1 to 9 that the report does not
 * publish, the catalogue refuses the report. The attacker is written here from the truth's own equations, not from
 * {@link ReportRelations}.
 */
class DifferencingPropertyTest {

    private static final int MIN = 10;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Random random = new Random(20261130);

    /** total, then parts. */
    private record Equation(String total, List<String> parts) {}

    private long count() {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(9);
            case 2 -> 10 + random.nextInt(30);
            default -> 100 + random.nextInt(900);
        };
    }

    private long upTo(long max) {
        return switch (random.nextInt(3)) {
            case 0 -> max - random.nextInt((int) Math.min(max, 12) + 1);
            case 1 -> Math.min(max, random.nextInt(12));
            default -> (long) (random.nextDouble() * (max + 1));
        };
    }

    @Test
    void everyReportAnAttackerCanSubtractASmallCountFromIsRefused() {
        int refused = 0;
        int passed = 0;
        for (int run = 0; run < 400; run++) {
            Map<String, Long> truth = new LinkedHashMap<>();
            List<Equation> equations = new ArrayList<>();
            int roles = 2 + random.nextInt(2);
            for (int g = 1; g <= roles; g++) {
                long r = count();
                truth.put("r" + g, r);
                truth.put("d" + g, upTo(r));
                truth.put("l" + g, upTo(r));
                truth.put("w" + g, upTo(r));
            }
            for (String v : List.of("r", "d", "l", "w")) {
                List<String> parts = new ArrayList<>();
                long total = 0;
                for (int g = 1; g <= roles; g++) {
                    parts.add(v + g);
                    total += truth.get(v + g);
                }
                truth.put(v + "0", total);
                equations.add(new Equation(v + "0", parts));
            }
            for (int g = 0; g <= roles; g++) {
                for (String v : List.of("d", "l", "w")) {
                    truth.put("n" + v + g, truth.get("r" + g) - truth.get(v + g));
                    equations.add(new Equation("r" + g, List.of(v + g, "n" + v + g)));
                }
            }
            truth.put("R", truth.get("r0"));
            equations.add(new Equation("R", List.of("r0")));
            long scored = 0;
            for (int b = 0; b < 3; b++) {
                truth.put("b" + b, count());
                scored += truth.get("b" + b);
            }
            truth.put("S", scored);
            equations.add(new Equation("S", List.of("b0", "b1", "b2")));
            truth.put("A", truth.get("b2"));
            truth.put("B", scored - truth.get("b2"));
            equations.add(new Equation("S", List.of("A", "B")));
            long tp = 0;
            long fp = 0;
            long truePairs = 0;
            for (int j = 0; j < 3; j++) {
                long dtp = count();
                long dfp = count();
                tp += dtp;
                fp += dfp;
                truth.put("tp" + j, tp);
                truth.put("fp" + j, fp);
                if (j > 0) {
                    truth.put("dtp" + j, dtp);
                    truth.put("dfp" + j, dfp);
                    equations.add(new Equation("tp" + j, List.of("tp" + (j - 1), "dtp" + j)));
                    equations.add(new Equation("fp" + j, List.of("fp" + (j - 1), "dfp" + j)));
                }
            }
            truePairs = tp + count();
            truth.put("T", truePairs);
            for (int j = 0; j < 3; j++) {
                truth.put("fn" + j, truePairs - truth.get("tp" + j));
                truth.put("pred" + j, truth.get("tp" + j) + truth.get("fp" + j));
                equations.add(new Equation("T", List.of("tp" + j, "fn" + j)));
                equations.add(new Equation("pred" + j, List.of("tp" + j, "fp" + j)));
            }

            Map<String, Long> published = new HashMap<>();
            Map<String, String> pointers = pointers(roles);
            for (var e : pointers.entrySet()) {
                long v = truth.get(e.getKey());
                if (!DifferencingCheck.isSmall(v, MIN) && random.nextInt(5) > 0) {
                    published.put(e.getKey(), v);
                }
            }
            ObjectNode report = report(roles, truth, published, pointers);
            Map<String, Long> attacker = new HashMap<>(published);
            for (int g = 0; g <= roles; g++) {
                if (completenessPublished(truth, published, g)) {
                    attacker.put("w" + g, truth.get("w" + g)); // the rate times the published records
                }
            }
            boolean found = attack(attacker, equations, truth, published);

            boolean isRefused = !DifferencingCheck.check(report, MIN, "body").isEmpty();
            if (found) {
                assertThat(isRefused)
                        .as("run %d: a small count is found by subtraction in %s", run, report)
                        .isTrue();
            }
            if (isRefused) {
                refused++;
            } else {
                passed++;
            }
        }
        assertThat(refused).as("reports refused").isGreaterThan(20);
        assertThat(passed).as("reports passed").isGreaterThan(20);
    }

    /** Every sum with one unknown, until nothing new: whether a count from 1 to 9 the report hides came out. */
    private static boolean attack(
            Map<String, Long> known, List<Equation> equations, Map<String, Long> truth, Map<String, Long> published) {
        boolean more = true;
        while (more) {
            more = false;
            for (Equation e : equations) {
                List<String> all = new ArrayList<>(e.parts());
                all.add(e.total());
                List<String> unknown =
                        all.stream().filter(v -> !known.containsKey(v)).toList();
                if (unknown.size() == 1) {
                    String v = unknown.get(0);
                    long value = v.equals(e.total())
                            ? e.parts().stream().mapToLong(known::get).sum()
                            : known.get(e.total())
                                    - e.parts().stream()
                                            .filter(p -> !p.equals(v))
                                            .mapToLong(known::get)
                                            .sum();
                    assertThat(value).as(v).isEqualTo(truth.get(v));
                    known.put(v, value);
                    more = true;
                }
            }
        }
        return known.entrySet().stream()
                .anyMatch(e -> !published.containsKey(e.getKey()) && DifferencingCheck.isSmall(e.getValue(), MIN));
    }

    private static Map<String, String> pointers(int roles) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int g = 0; g <= roles; g++) {
            p.put("r" + g, "/groups/" + g + "/records");
            p.put("d" + g, "/groups/" + g + "/records_with_duplicates");
            p.put("l" + g, "/groups/" + g + "/cross_dataset_link_rates/0/linked_records");
        }
        p.put("R", "/overall/records");
        p.put("S", "/overall/scored_pairs");
        p.put("A", "/overall/accepted_pairs");
        for (int b = 0; b < 3; b++) {
            p.put("b" + b, "/overall/match_weight_histogram/" + b + "/pairs");
        }
        p.put("T", "/evaluation/true_pairs");
        for (int j = 0; j < 3; j++) {
            for (String[] m :
                    new String[][] {{"tp", "true_positives"}, {"fp", "false_positives"}, {"fn", "false_negatives"}}) {
                p.put(m[0] + j, "/evaluation/across_thresholds/" + j + "/" + m[1]);
            }
        }
        return p;
    }

    private static boolean completenessPublished(Map<String, Long> truth, Map<String, Long> published, int g) {
        return published.containsKey("r" + g)
                && !DifferencingCheck.isSmall(truth.get("w" + g), MIN)
                && !DifferencingCheck.isSmall(truth.get("nw" + g), MIN);
    }

    private static ObjectNode report(
            int roles, Map<String, Long> truth, Map<String, Long> published, Map<String, String> pointers) {
        ObjectNode report = F.objectNode();
        ObjectNode overall = report.putObject("overall");
        var histogram = overall.putArray("match_weight_histogram");
        for (int b = 0; b < 3; b++) {
            histogram.addObject().put("lower_weight", b);
        }
        var groups = report.putArray("groups");
        for (int g = 0; g <= roles; g++) {
            ObjectNode group = groups.addObject();
            group.put("source_dataset", "family");
            group.put("role", g == 0 ? "(all)" : "role " + g);
            group.set("identifier_completeness", F.objectNode());
            group.putArray("cross_dataset_link_rates").addObject().put("other_dataset", "probation");
        }
        ObjectNode evaluation = report.putObject("evaluation");
        var rows = evaluation.putArray("across_thresholds");
        for (int j = 0; j < 3; j++) {
            rows.addObject().put("threshold_match_probability", 0.9 - 0.2 * j);
        }
        pointers.forEach(
                (v, pointer) -> put(report, pointer, published.containsKey(v) ? F.numberNode(truth.get(v)) : null));
        for (int g = 0; g <= roles; g++) {
            String at = "/groups/" + g;
            put(report, at + "/duplicate_rate", rate(truth, published, "d" + g, "r" + g));
            put(report, at + "/cross_dataset_link_rates/0/rate", rate(truth, published, "l" + g, "r" + g));
            put(
                    report,
                    at + "/identifier_completeness/surname",
                    completenessPublished(truth, published, g)
                            ? F.numberNode(round(truth.get("w" + g), truth.get("r" + g)))
                            : null);
        }
        for (int j = 0; j < 3; j++) {
            String row = "/evaluation/across_thresholds/" + j;
            boolean all = published.containsKey("tp" + j)
                    && published.containsKey("fp" + j)
                    && published.containsKey("fn" + j);
            put(report, row + "/precision", all ? value(truth.get("tp" + j), truth.get("pred" + j)) : null);
            put(report, row + "/recall", all ? value(truth.get("tp" + j), truth.get("T")) : null);
        }
        return report;
    }

    private static com.fasterxml.jackson.databind.JsonNode rate(
            Map<String, Long> truth, Map<String, Long> published, String numerator, String denominator) {
        return published.containsKey(numerator) && published.containsKey(denominator)
                ? F.numberNode(round(truth.get(numerator), truth.get(denominator)))
                : null;
    }

    private static ObjectNode value(long numerator, long denominator) {
        ObjectNode o = F.objectNode();
        o.put("value", round(numerator, denominator));
        return o;
    }

    private static double round(long numerator, long denominator) {
        return denominator == 0 ? 0 : Math.round((double) numerator / denominator * 1e6) / 1e6;
    }

    /** Puts {@code value} at {@code pointer}, or a suppression marker when null. */
    private static void put(ObjectNode report, String pointer, com.fasterxml.jackson.databind.JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        ObjectNode holder = (ObjectNode) report.at(pointer.substring(0, slash));
        if (value == null) {
            ObjectNode marker = holder.putObject(pointer.substring(slash + 1));
            marker.put("suppressed", true);
            marker.put("reason", "count below 10");
        } else {
            holder.set(pointer.substring(slash + 1), value);
        }
    }
}
