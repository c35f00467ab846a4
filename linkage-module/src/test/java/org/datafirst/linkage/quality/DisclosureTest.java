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
}
