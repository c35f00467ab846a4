package org.datafirst.catalogue.spreadsheet;

import static org.datafirst.catalogue.spreadsheet.Sheet.Column.narrow;
import static org.datafirst.catalogue.spreadsheet.Sheet.Column.of;
import static org.datafirst.catalogue.spreadsheet.Sheet.Column.wide;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.datafirst.catalogue.catalogue.LinkageQualityReport;

/**
 * The {@code Linkage quality} sheet: the figures of a stored (so already disclosure-checked) linkage-quality report
 * that the dataset page shows, one figure a row, so a CSV of it filters and pivots. A suppressed figure has no value
 * and its reason in the Note column. Every row says whether the report's records were synthetic, so a row copied out
 * of the sheet still says so. Written only: reports reach the catalogue from the linkage module through the API, so
 * the workbook readers skip this sheet.
 */
public final class LinkageQualitySheet {

    public static final String NAME = "Linkage quality";

    /** The sheet's name in CSV download URLs: dictionary/linkage-quality.csv. */
    public static final String CSV_NAME = "linkage-quality";

    static final String OVERALL = "(all)";
    static final String SYNTHETIC =
            "synthetic records: these figures describe made-up people, not anyone in the justice system";

    public static final List<Sheet.Column> COLUMNS = List.of(
            of("Source dataset", 20),
            of("Role", 18),
            of("Measure", 30),
            of("Of", 40),
            narrow("Value"),
            narrow("95% lower"),
            narrow("95% upper"),
            wide("Note"),
            narrow("Report"),
            narrow("Release"),
            narrow("Synthetic records"));

    private LinkageQualitySheet() {}

    /**
     * The sheet of some reports, in the order given.
     *
     * @param withDatasetColumn lead every row with the catalogue dataset the report is attached to (the
     *     whole-catalogue workbook)
     */
    public static Sheet sheet(List<LinkageQualityReport> reports, boolean withDatasetColumn) {
        List<List<String>> rows = new ArrayList<>();
        for (LinkageQualityReport report : reports) {
            for (List<String> row : rows(report)) {
                rows.add(withDatasetColumn ? DictionarySheets.prefixed(report.datasetId(), row) : row);
            }
        }
        return new Sheet(NAME, withDatasetColumn ? DictionarySheets.withDatasetColumn(COLUMNS) : COLUMNS, rows);
    }

    /** One report's rows: the run, then each source dataset and role, then the overall clusters, weights, accuracy. */
    static List<List<String>> rows(LinkageQualityReport stored) {
        Rows rows = new Rows(stored);
        JsonNode report = stored.report();
        JsonNode run = report.path("provenance");
        rows.text(
                OVERALL,
                OVERALL,
                "run: records",
                null,
                run.path("synthetic_records").asBoolean(false) ? SYNTHETIC : "as described by the dataset");
        rows.text(
                OVERALL,
                OVERALL,
                "run: software",
                null,
                run.path("software").asText() + " "
                        + run.path("software_version").asText());
        rows.text(
                OVERALL, OVERALL, "run: started", null, run.path("run_started").asText());
        rows.text(
                OVERALL,
                OVERALL,
                "run: link type",
                null,
                run.path("link_type").asText().replace('_', ' '));
        rows.figure(
                OVERALL, OVERALL, "run: threshold match probability", null, run.path("threshold_match_probability"));
        rows.text(
                OVERALL,
                OVERALL,
                "run: settings SHA-256",
                null,
                run.path("settings_sha256").asText());
        rows.text(
                OVERALL,
                OVERALL,
                "run: received by the catalogue",
                null,
                stored.receivedAt().toLocalDate().toString());
        for (JsonNode group : report.path("groups")) {
            String dataset = group.path("source_dataset").asText();
            String role = group.path("role").asText();
            rows.figure(dataset, role, "records", null, group.path("records"));
            rows.figure(dataset, role, "duplicate rate", null, group.path("duplicate_rate"));
            group.path("identifier_completeness")
                    .properties()
                    .forEach(e -> rows.figure(dataset, role, "identifier completeness", e.getKey(), e.getValue()));
            for (JsonNode link : group.path("cross_dataset_link_rates")) {
                String other = link.path("other_dataset").asText();
                rows.figure(dataset, role, "linked records", other, link.path("linked_records"));
                rows.figure(dataset, role, "link rate", other, link.path("rate"));
            }
        }
        JsonNode overall = report.path("overall");
        overall.path("clustering")
                .path("cluster_size_distribution")
                .properties()
                .forEach(e -> rows.figure(OVERALL, OVERALL, "clusters", "of size " + e.getKey(), e.getValue()));
        for (JsonNode bin : overall.path("match_weight_histogram")) {
            rows.figure(
                    OVERALL,
                    OVERALL,
                    "scored pairs",
                    "match weight " + bin.path("lower_weight").asText() + " to "
                            + bin.path("upper_weight").asText(),
                    bin.path("pairs"));
        }
        JsonNode evaluation = report.path("evaluation");
        rows.accuracy("accepted pairs at the threshold", evaluation.path("at_threshold"));
        rows.accuracy(
                "person ids as written (every pair of records sharing an id)",
                evaluation.path("clusters").path("pairwise"));
        return rows.rows;
    }

    /** Collects rows, each ending with the report's number, release and whether its records were synthetic. */
    private static final class Rows {
        private final List<List<String>> rows = new ArrayList<>();
        private final String report;
        private final String release;
        private final String synthetic;

        Rows(LinkageQualityReport stored) {
            report = Long.toString(stored.id());
            release = Integer.toString(stored.releaseVersion());
            synthetic = DictionarySheets.yesNo(
                    stored.report().path("provenance").path("synthetic_records").asBoolean(false));
        }

        void text(String dataset, String role, String measure, String what, String value) {
            add(dataset, role, measure, what, value, null, null, null);
        }

        /** A number, or no value with the reason it is missing: suppressed (the report's reason) or undefined. */
        void figure(String dataset, String role, String measure, String what, JsonNode value) {
            if (value.isNumber()) {
                add(dataset, role, measure, what, value.asText(), null, null, null);
            } else if (value.path("suppressed").asBoolean(false)) {
                add(
                        dataset,
                        role,
                        measure,
                        what,
                        null,
                        null,
                        null,
                        "suppressed: " + value.path("reason").asText());
            } else if (value.isNull()) {
                add(dataset, role, measure, what, null, null, null, "no records");
            }
        }

        /** Precision, recall and F1 with their 95% intervals, when the run had labels or truth to judge by. */
        void accuracy(String what, JsonNode metrics) {
            if (metrics.isMissingNode()) {
                return;
            }
            for (String measure : List.of("precision", "recall", "f1")) {
                JsonNode m = metrics.path(measure);
                String name = measure.equals("f1") ? "F1" : measure;
                if (m.path("value").isNumber()) {
                    add(
                            OVERALL,
                            OVERALL,
                            name,
                            what,
                            m.path("value").asText(),
                            m.path("ci95_lower").asText(null),
                            m.path("ci95_upper").asText(null),
                            null);
                } else {
                    figure(OVERALL, OVERALL, name, what, m);
                }
            }
        }

        private void add(
                String dataset,
                String role,
                String measure,
                String what,
                String value,
                String lower,
                String upper,
                String note) {
            rows.add(
                    Arrays.asList(dataset, role, measure, what, value, lower, upper, note, report, release, synthetic));
        }
    }
}
