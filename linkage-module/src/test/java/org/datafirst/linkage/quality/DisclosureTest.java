package org.datafirst.linkage.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.datafirst.linkage.io.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Disclosure control: small counts, rates resting on them, and secondary suppression against sums and differences. */
class DisclosureTest {

    final Disclosure d = new Disclosure(10);

    static boolean suppressed(JsonNode n) {
        return n.isObject() && n.path("suppressed").asBoolean();
    }

    @ParameterizedTest
    @CsvSource({"0,false", "1,true", "9,true", "10,false", "12345,false"})
    void countsFromOneToNineAreSuppressed(long count, boolean expectSuppressed) {
        JsonNode n = d.count(count);
        assertThat(suppressed(n)).isEqualTo(expectSuppressed);
        if (expectSuppressed) {
            assertThat(n.get("reason").asText()).isEqualTo("count below 10");
        } else {
            assertThat(n.asLong()).isEqualTo(count);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "50,100,false", // both parts large
        "5,100,true", // small numerator
        "95,100,true", // small complement: 100 - 95 = 5 would be recoverable
        "100,100,false", // complement zero
        "0,100,false",
        "5,5,true" // small denominator
    })
    void ratesDerivedFromSmallCountsAreSuppressed(long num, long den, boolean expectSuppressed) {
        JsonNode n = d.rate(num, den);
        assertThat(suppressed(n)).isEqualTo(expectSuppressed);
        if (expectSuppressed) {
            assertThat(n.get("reason").asText()).isEqualTo("derived from a count below 10");
        } else {
            assertThat(n.asDouble()).isEqualTo((double) num / den);
        }
    }

    @Test
    void aDistributionHidesEnoughCellsThatItsTotalGivesNoSmallCountBack() {
        Disclosure d = new Disclosure(10);
        var cells = new java.util.LinkedHashMap<String, Long>();
        cells.put("1", 500L);
        cells.put("2", 40L);
        cells.put("3", 12L);
        cells.put("4", 0L);
        cells.put("5-9", 3L);
        var out = d.distribution(cells);
        // 3 alone would be 555 - 552; the smallest other non-zero cell (12) is hidden with it: 15 is not small
        assertThat(out.get("5-9").path("suppressed").asBoolean()).isTrue();
        assertThat(out.get("3").path("suppressed").asBoolean()).isTrue();
        assertThat(out.get("2").asLong()).isEqualTo(40);
        assertThat(out.get("4").asLong()).isZero();
        assertThat(out.get("1").asLong()).isEqualTo(500);
        // nothing small: everything published
        cells.put("5-9", 30L);
        assertThat(d.distribution(cells).get("3").asLong()).isEqualTo(12);
    }

    static java.util.Map<String, Long> cells(long kept, long changed, long added, long retired) {
        var cells = new java.util.LinkedHashMap<String, Long>();
        cells.put("kept", kept);
        cells.put("changed", changed);
        cells.put("new", added);
        cells.put("retired", retired);
        return cells;
    }

    static final java.util.List<java.util.List<String>> ID_TOTALS = java.util.List.of(
            java.util.List.of("kept", "changed", "new"), java.util.List.of("kept", "changed", "retired"));

    @Test
    void linkedCountsHideASmallCountThatTheDifferenceOfTwoTotalsWouldGiveBack() {
        // new (3) alone: this run's total minus kept and changed gives it. With changed also hidden the two
        // totals still give new - retired = 3 - 40, so retired (published) would give new back: it goes too.
        var out = d.linked(cells(500, 20, 3, 40), ID_TOTALS);
        assertThat(suppressed(out.get("new"))).isTrue();
        assertThat(out.get("new").get("reason").asText()).isEqualTo("count below 10");
        assertThat(suppressed(out.get("changed"))).isTrue();
        assertThat(suppressed(out.get("retired"))).isTrue();
        assertThat(out.get("kept").asLong()).isEqualTo(500);
    }

    @Test
    void linkedCountsWithNothingSmallArePublishedAsTheyAre() {
        var out = d.linked(cells(500, 20, 30, 0), ID_TOTALS);
        assertThat(out.get("kept").asLong()).isEqualTo(500);
        assertThat(out.get("changed").asLong()).isEqualTo(20);
        assertThat(out.get("new").asLong()).isEqualTo(30);
        assertThat(out.get("retired").asLong()).isZero();
    }

    @Test
    void linkedCountsNeverLeaveASmallCountComputableFromTheTotals() {
        // every combination of small and large cells: each small cell is suppressed, and among all non-negative
        // values of the suppressed cells that agree with the two totals, a small one is never the only possible value
        long[] values = {0, 2, 9, 15, 40};
        String[] names = {"kept", "changed", "new", "retired"};
        for (long k : values) {
            for (long c : values) {
                for (long n : values) {
                    for (long r : values) {
                        long[] v = {k, c, n, r};
                        var out = d.linked(cells(k, c, n, r), ID_TOTALS);
                        int[] hidden = java.util.stream.IntStream.range(0, 4)
                                .filter(i -> suppressed(out.get(names[i])))
                                .toArray();
                        for (int i = 0; i < 4; i++) {
                            if (v[i] > 0 && v[i] < 10) {
                                assertThat(suppressed(out.get(names[i])))
                                        .as("%s in %s", names[i], java.util.Arrays.toString(v))
                                        .isTrue();
                            }
                        }
                        assertNotDetermined(v, hidden, names);
                    }
                }
            }
        }
    }

    /**
     * Brute force over the suppressed cells: every non-negative value of kept and changed (0..130), with new and
     * retired following from the totals; a small suppressed cell must have more than one possible value.
     */
    private static void assertNotDetermined(long[] v, int[] hidden, String[] names) {
        long t1 = v[0] + v[1] + v[2];
        long t2 = v[0] + v[1] + v[3];
        // a small total is suppressed where it is published, so it is no equation; the cell that only it holds is then
        // free
        boolean use1 = !(t1 > 0 && t1 < 10);
        boolean use2 = !(t2 > 0 && t2 < 10);
        boolean[] isHidden = new boolean[4];
        for (int i : hidden) {
            isHidden[i] = true;
        }
        long[] min = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        long[] max = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
        int bound = 130;
        for (long k = isHidden[0] ? 0 : v[0]; k <= (isHidden[0] ? bound : v[0]); k++) {
            for (long c = isHidden[1] ? 0 : v[1]; c <= (isHidden[1] ? bound : v[1]); c++) {
                long n = isHidden[2] && use1 ? t1 - k - c : v[2];
                long r = isHidden[3] && use2 ? t2 - k - c : v[3];
                boolean ok = n >= 0 && r >= 0 && (!use1 || k + c + n == t1) && (!use2 || k + c + r == t2);
                if (ok) {
                    long[] trial = {k, c, n, r};
                    for (int i = 0; i < 4; i++) {
                        min[i] = Math.min(min[i], trial[i]);
                        max[i] = Math.max(max[i], trial[i]);
                    }
                }
            }
        }
        for (int i : hidden) {
            boolean free = (i == 2 && !use1) || (i == 3 && !use2);
            if (v[i] > 0 && v[i] < 10 && !free) {
                assertThat(max[i])
                        .as("%s in %s can be worked out", names[i], java.util.Arrays.toString(v))
                        .isGreaterThan(min[i]);
            }
        }
    }

    @Test
    void secondarySuppressionSeesCombinationsOfSumsNotOnlyOneSumAtATime() {
        // a (3), b (47), c (13) suppressed; a + b = 50, b + c = 60 and a + c = 16 published. No one sum gives a cell
        // back
        // (each has two unknown parts and a large rest), but the three together give a = (50 - 60 + 16) / 2 = 3
        var sums = java.util.List.of(
                new Disclosure.Sum<>("ab", java.util.List.of("a", "b")),
                new Disclosure.Sum<>("bc", java.util.List.of("b", "c")),
                new Disclosure.Sum<>("ac", java.util.List.of("a", "c")));
        var published = new java.util.LinkedHashMap<String, Long>(java.util.Map.of("ab", 50L, "bc", 60L, "ac", 16L));
        assertThat(d.secondary(published, sums, java.util.Set.of())).containsExactly("ac");
        // totals published elsewhere cannot be suppressed here: with nothing else left it stops (the leak lies in what
        // is published elsewhere)
        assertThat(d.secondary(published, sums, java.util.Set.of("ab", "bc", "ac")))
                .isEmpty();
    }

    // secondary suppression over a module report's sums (ReportSums → secondary), cases of the pipeline's report

    private final Disclosure disclosure = d;

    /** A group as the module's report writes it, already through {@link Disclosure}. */
    private ObjectNode group(
            ArrayNode groups, String dataset, String role, long records, long duplicates, long linkedToOther) {
        ObjectNode g = groups.addObject();
        g.put("source_dataset", dataset);
        g.put("role", role);
        g.set("records", disclosure.count(records));
        g.putObject("identifier_completeness").set("surname", disclosure.rate(records, records));
        g.set("records_with_duplicates", disclosure.count(duplicates));
        g.set("duplicate_rate", disclosure.rate(duplicates, records));
        ObjectNode l = g.putArray("cross_dataset_link_rates").addObject();
        l.put("other_dataset", "other");
        l.set("linked_records", disclosure.count(linkedToOther));
        l.set("rate", disclosure.rate(linkedToOther, records));
        return g;
    }

    @Test
    void aRoleSuppressedAloneTakesAnotherRoleWithItSoTheDatasetTotalDoesNotGiveItBack() {
        ObjectNode report = ModelJson.MAPPER.createObjectNode();
        ArrayNode groups = report.putArray("groups");
        ObjectNode all = group(groups, "family", "(all)", 120, 40, 60);
        ObjectNode applicant = group(groups, "family", "applicant", 5, 0, 0);
        ObjectNode respondent = group(groups, "family", "respondent", 45, 20, 30);
        ObjectNode child = group(groups, "family", "child", 70, 20, 30);
        assertThat(suppressed(applicant.get("records"))).isTrue(); // Disclosure's own rule

        ReportSums.apply(report, disclosure);

        // 120 - 45 - 70 would give the 5 applicants back: the smaller other role (45) goes too, with its rates
        assertThat(suppressed(respondent.get("records"))).isTrue();
        assertThat(suppressed(respondent.get("duplicate_rate"))).isTrue();
        assertThat(suppressed(respondent.path("identifier_completeness").get("surname")))
                .isTrue();
        assertThat(child.get("records").asLong()).isEqualTo(70);
        assertThat(all.get("records").asLong()).isEqualTo(120);
    }

    @Test
    void aCountWhoseComplementIsSmallIsSuppressedWithItsRate() {
        ObjectNode report = ModelJson.MAPPER.createObjectNode();
        ObjectNode g = group(report.putArray("groups"), "prison", "(all)", 100, 30, 95);
        assertThat(g.path("cross_dataset_link_rates")
                        .get(0)
                        .get("linked_records")
                        .asLong())
                .isEqualTo(95);

        ReportSums.apply(report, disclosure);

        // 100 records, 95 linked: the 5 not linked are a small count
        JsonNode link = g.path("cross_dataset_link_rates").get(0);
        assertThat(suppressed(link.get("linked_records"))).isTrue();
        assertThat(suppressed(link.get("rate"))).isTrue();
        assertThat(g.get("records_with_duplicates").asLong()).isEqualTo(30);
    }

    @Test
    void aSmallDatasetIsNotGivenBackByTheOverallTotal() {
        ObjectNode report = ModelJson.MAPPER.createObjectNode();
        report.putObject("overall").set("records", disclosure.count(215));
        ArrayNode groups = report.putArray("groups");
        group(groups, "magistrates", "(all)", 150, 20, 50);
        ObjectNode oasys = group(groups, "oasys", "(all)", 7, 0, 0);
        ObjectNode crown = group(groups, "crown", "(all)", 58, 10, 30);
        assertThat(suppressed(oasys.get("records"))).isTrue();

        ReportSums.apply(report, disclosure);

        assertThat(suppressed(crown.get("records"))).isTrue();
        assertThat(report.path("overall").get("records").asLong()).isEqualTo(215);
    }

    @Test
    void suppressedPartsThatTogetherAreSmallTakeOneMore() {
        ObjectNode report = ModelJson.MAPPER.createObjectNode();
        ArrayNode groups = report.putArray("groups");
        group(groups, "civil", "(all)", 100, 30, 40);
        ObjectNode a = group(groups, "civil", "claimant", 3, 0, 0);
        ObjectNode b = group(groups, "civil", "defendant", 4, 0, 0);
        ObjectNode c = group(groups, "civil", "other", 93, 30, 40);
        assertThat(suppressed(a.get("records")) && suppressed(b.get("records"))).isTrue();

        ReportSums.apply(report, disclosure);

        assertThat(suppressed(c.get("records"))).isTrue(); // 100 - 93 = 7 = 3 + 4 people
    }
}
