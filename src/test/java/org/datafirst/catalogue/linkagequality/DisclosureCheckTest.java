package org.datafirst.catalogue.linkagequality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The catalogue's own disclosure check knows the id_changes counts of a refreshed linkage run. */
class DisclosureCheckTest {

    @Test
    void aSmallIdChangesCountIsRefusedAndSuppressedOnesPass() throws Exception {
        var mapper = new ObjectMapper();
        var leaky = mapper.readTree(
                "{\"disclosure_control\": {\"minimum_count\": 10}, \"id_changes\": {\"what\": \"…\", \"kept\": 500,"
                        + " \"retired\": 3, \"new\": {\"suppressed\": true, \"reason\": \"count below 10\"}}}");
        var errors = DisclosureCheck.check(leaky, 10, "report");
        assertThat(errors).extracting(e -> e.pointer()).containsExactly("/id_changes/retired");
        var safe = mapper.readTree(
                "{\"disclosure_control\": {\"minimum_count\": 10}, \"id_changes\": {\"what\": \"…\", \"kept\": 500,"
                        + " \"retired\": 0, \"records_new\": 12}}");
        assertThat(DisclosureCheck.check(safe, 10, "report")).isEmpty();
    }
}
