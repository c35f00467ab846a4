package org.datafirst.catalogue.linkagequality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The catalogue's own disclosure check knows the id_changes counts of a refreshed linkage run and the pipeline's counts. */
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

    @Test
    void theCrossJusticeReportsMovedRecordsAreACount() throws Exception {
        var report = new ObjectMapper()
                .readTree("{\"disclosure_control\": {\"minimum_count\": 10},"
                        + " \"pipeline\": {\"records_moved_to_keep_dataset_ids_whole\": 4}}");
        assertThat(DisclosureCheck.check(report, 10, "report"))
                .extracting(e -> e.pointer())
                .containsExactly("/pipeline/records_moved_to_keep_dataset_ids_whole");
    }
}
