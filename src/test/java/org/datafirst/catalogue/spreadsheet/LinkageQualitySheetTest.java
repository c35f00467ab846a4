package org.datafirst.catalogue.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.datafirst.catalogue.catalogue.LinkageQualityReport;
import org.datafirst.catalogue.support.Documents;
import org.junit.jupiter.api.Test;

/** The Linkage quality sheet holds a report's published figures, one a row, and never a value for a suppressed one. */
class LinkageQualitySheetTest {

    static final OffsetDateTime RECEIVED = OffsetDateTime.of(2026, 11, 30, 23, 30, 0, 0, ZoneOffset.UTC);

    /** The report the module wrote on synthetic records (7 datasets, roles), as the catalogue stores it. */
    static LinkageQualityReport stored(boolean synthetic) throws IOException {
        ObjectNode report = Documents.moduleSyntheticReport();
        report.with("provenance").put("synthetic_records", synthetic);
        List<LinkageQualityReport.Group> groups = new ArrayList<>();
        report.get("groups")
                .forEach(g -> groups.add(new LinkageQualityReport.Group(
                        g.get("source_dataset").asText(), g.get("role").asText())));
        return new LinkageQualityReport(7, "cross-justice-linking", 2, RECEIVED, groups, report);
    }

    @Test
    void everyGroupFigureIsARowWithTheReportsValueOrItsSuppressionReason() throws IOException {
        LinkageQualityReport stored = stored(true);
        Sheet sheet = LinkageQualitySheet.sheet(List.of(stored), false);
        assertThat(sheet.name()).isEqualTo("Linkage quality");
        int checked = 0;
        for (JsonNode g : stored.report().get("groups")) {
            String dataset = g.get("source_dataset").asText();
            String role = g.get("role").asText();
            checked += expect(sheet, dataset, role, "records", null, g.get("records"));
            checked += expect(sheet, dataset, role, "duplicate rate", null, g.get("duplicate_rate"));
            for (var e : g.get("identifier_completeness").properties()) {
                checked += expect(sheet, dataset, role, "identifier completeness", e.getKey(), e.getValue());
            }
            for (JsonNode l : g.get("cross_dataset_link_rates")) {
                String other = l.get("other_dataset").asText();
                checked += expect(sheet, dataset, role, "linked records", other, l.get("linked_records"));
                checked += expect(sheet, dataset, role, "link rate", other, l.get("rate"));
            }
        }
        assertThat(checked).as("figures checked").isGreaterThan(200);
        // the report's suppressed figures are there, without a value
        assertThat(sheet.rows()).anySatisfy(r -> assertThat(r.get(7)).isEqualTo("suppressed: count below 10"));
        assertThat(sheet.rows())
                .filteredOn(r -> r.get(7) != null && r.get(7).startsWith("suppressed"))
                .allSatisfy(r -> assertThat(r.subList(4, 7)).containsOnlyNulls());
    }

    @Test
    void overallClustersWeightsAndAccuracyWithIntervals() throws IOException {
        LinkageQualityReport stored = stored(true);
        Sheet sheet = LinkageQualitySheet.sheet(List.of(stored), false);
        JsonNode overall = stored.report().get("overall");
        expect(sheet, "(all)", "(all)", "clusters", "of size 1", overall.at("/clustering/cluster_size_distribution/1"));
        expect(
                sheet,
                "(all)",
                "(all)",
                "clusters",
                "of size 20-49",
                overall.at("/clustering/cluster_size_distribution/20-49"));
        expect(
                sheet,
                "(all)",
                "(all)",
                "scored pairs",
                "match weight 0 to 1",
                overall.at("/match_weight_histogram/7/pairs"));
        JsonNode precision = stored.report().at("/evaluation/at_threshold/precision");
        assertThat(row(sheet, "(all)", "(all)", "precision", "accepted pairs at the threshold"))
                .containsSequence(
                        precision.get("value").asText(),
                        precision.get("ci95_lower").asText(),
                        precision.get("ci95_upper").asText());
        assertThat(row(sheet, "(all)", "(all)", "F1", "person ids as written (every pair of records sharing an id)"))
                .isNotNull();
    }

    @Test
    void everyRowSaysWhetherTheRecordsWereSyntheticAndWhichReportAndReleaseItIsFrom() throws IOException {
        Sheet synthetic = LinkageQualitySheet.sheet(List.of(stored(true)), false);
        assertThat(synthetic.rows())
                .allSatisfy(r -> assertThat(r.subList(8, 11)).containsExactly("7", "2", "yes"));
        assertThat(row(synthetic, "(all)", "(all)", "run: records", null).get(4))
                .startsWith("synthetic records")
                .contains("not anyone in the justice system");
        assertThat(row(synthetic, "(all)", "(all)", "run: received by the catalogue", null)
                        .get(4))
                .isEqualTo("2026-11-30");

        Sheet real = LinkageQualitySheet.sheet(List.of(stored(false)), false);
        assertThat(real.rows()).allSatisfy(r -> assertThat(r.get(10)).isEqualTo("no"));
        assertThat(row(real, "(all)", "(all)", "run: records", null).get(4)).doesNotContain("synthetic");
    }

    @Test
    void theWholeCatalogueSheetLeadsWithTheDatasetAndWritesAsCsv() throws IOException {
        Sheet sheet = LinkageQualitySheet.sheet(List.of(stored(true)), true);
        assertThat(sheet.columns().get(0).header()).isEqualTo("Dataset");
        assertThat(sheet.rows()).allSatisfy(r -> assertThat(r.get(0)).isEqualTo("cross-justice-linking"));

        String csv = new String(
                CsvWriter.write(LinkageQualitySheet.sheet(List.of(stored(true)), false)), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo(
                        "Source dataset,Role,Measure,Of,Value,95% lower,95% upper,Note,Report,Release,Synthetic records");
        assertThat(csv).contains("\r\ncivil,(all),records,,435,,,,7,2,yes\r\n");
    }

    /** Asserts the row of a figure holds the report's number, or no value and the reason; returns 1. */
    private static int expect(Sheet sheet, String dataset, String role, String measure, String of, JsonNode figure) {
        List<String> row = row(sheet, dataset, role, measure, of);
        assertThat(row).as("%s %s %s %s", dataset, role, measure, of).isNotNull();
        if (figure.isNumber()) {
            assertThat(row.get(4)).isEqualTo(figure.asText());
            assertThat(row.get(7)).isNull();
        } else {
            assertThat(row.get(4)).as("a suppressed figure has no value").isNull();
            assertThat(row.get(7))
                    .isEqualTo("suppressed: " + figure.get("reason").asText());
        }
        return 1;
    }

    private static List<String> row(Sheet sheet, String dataset, String role, String measure, String of) {
        return sheet.rows().stream()
                .filter(r -> r.get(0).equals(dataset)
                        && r.get(1).equals(role)
                        && r.get(2).equals(measure)
                        && java.util.Objects.equals(r.get(3), of))
                .findFirst()
                .orElse(null);
    }
}
