package org.datafirst.catalogue.linkagequality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.datafirst.catalogue.catalogue.LinkageQualityReport;

/**
 * Which datasets link to which: for each source dataset, the share of its records linked to each other dataset, from
 * the all-roles group of the newest report that covers it. A pure function of the reports.
 *
 * @param datasets the source datasets, in order: the rows and the columns
 * @param rows one per source dataset
 */
public record LinkMatrix(List<String> datasets, List<Row> rows) {

    /**
     * One source dataset's links, a cell per dataset of {@code datasets} (null on the diagonal and where the report
     * names no rate), the catalogue dataset whose report they come from, and whether that report's records were
     * synthetic.
     */
    public record Row(
            String sourceDataset,
            String reportDataset,
            long reportId,
            int releaseVersion,
            boolean syntheticRecords,
            List<Cell> cells) {}

    /**
     * Linked records and their share of the source dataset's records; a null figure is suppressed (or, for the
     * rate, undefined because the dataset has no records).
     */
    public record Cell(String otherDataset, Long linkedRecords, Double rate, boolean suppressed) {}

    public static LinkMatrix of(List<LinkageQualityReport> reports) {
        Map<String, LinkageQualityReport> newest = new LinkedHashMap<>();
        Map<String, JsonNode> group = new LinkedHashMap<>();
        TreeSet<String> names = new TreeSet<>();
        for (LinkageQualityReport report : reports) {
            for (JsonNode g : report.report().path("groups")) {
                if (!"(all)".equals(g.path("role").asText())) {
                    continue;
                }
                String source = g.path("source_dataset").asText();
                names.add(source);
                g.path("cross_dataset_link_rates")
                        .forEach(l -> names.add(l.path("other_dataset").asText()));
                LinkageQualityReport known = newest.get(source);
                if (known == null || known.id() < report.id()) {
                    newest.put(source, report);
                    group.put(source, g);
                }
            }
        }
        List<String> datasets = List.copyOf(names);
        List<Row> rows = new ArrayList<>();
        for (String source : datasets) {
            JsonNode g = group.get(source);
            if (g == null) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            for (String other : datasets) {
                cells.add(cell(g, other));
            }
            LinkageQualityReport report = newest.get(source);
            rows.add(new Row(
                    source,
                    report.datasetId(),
                    report.id(),
                    report.releaseVersion(),
                    report.report().at("/provenance/synthetic_records").asBoolean(false),
                    cells));
        }
        return new LinkMatrix(datasets, rows);
    }

    private static Cell cell(JsonNode group, String other) {
        for (JsonNode l : group.path("cross_dataset_link_rates")) {
            if (l.path("other_dataset").asText().equals(other)) {
                JsonNode linked = l.path("linked_records");
                JsonNode rate = l.path("rate");
                boolean suppressed = linked.path("suppressed").asBoolean(false)
                        || rate.path("suppressed").asBoolean(false);
                return new Cell(
                        other,
                        linked.isIntegralNumber() ? linked.asLong() : null,
                        rate.isNumber() ? rate.asDouble() : null,
                        suppressed);
            }
        }
        return null;
    }
}
