package org.datafirst.linkage.crossjustice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.quality.Disclosure;
import org.junit.jupiter.api.Test;

/** No count from 1 to 9 can be worked out from the published ones by adding or subtracting. */
class SmallCountAuditTest {

    private final Disclosure disclosure = new Disclosure(10);

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

    private static boolean suppressed(JsonNode n) {
        return n.path("suppressed").asBoolean();
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

        SmallCountAudit.apply(report, disclosure);

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

        SmallCountAudit.apply(report, disclosure);

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

        SmallCountAudit.apply(report, disclosure);

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

        SmallCountAudit.apply(report, disclosure);

        assertThat(suppressed(c.get("records"))).isTrue(); // 100 - 93 = 7 = 3 + 4 people
    }
}
