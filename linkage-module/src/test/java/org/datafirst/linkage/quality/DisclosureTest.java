package org.datafirst.linkage.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @org.junit.jupiter.api.Test
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

    @org.junit.jupiter.api.Test
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

    @org.junit.jupiter.api.Test
    void linkedCountsWithNothingSmallArePublishedAsTheyAre() {
        var out = d.linked(cells(500, 20, 30, 0), ID_TOTALS);
        assertThat(out.get("kept").asLong()).isEqualTo(500);
        assertThat(out.get("changed").asLong()).isEqualTo(20);
        assertThat(out.get("new").asLong()).isEqualTo(30);
        assertThat(out.get("retired").asLong()).isZero();
    }

    @org.junit.jupiter.api.Test
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
}
