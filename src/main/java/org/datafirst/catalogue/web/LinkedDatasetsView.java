package org.datafirst.catalogue.web;

import java.util.List;
import java.util.Locale;
import org.datafirst.catalogue.linkagequality.LinkMatrix;

/** The linked-datasets page: the link-rate matrix with each row's figures written for reading. */
public record LinkedDatasetsView(List<String> datasets, List<Row> rows) {

    /** A source dataset, the dataset page whose report it comes from, and one shown cell per column. */
    public record Row(String sourceDataset, String href, String reportDataset, boolean synthetic, List<String> cells) {}

    /** Whether any row's figures come from synthetic records: the page then says so above the table. */
    public boolean anySynthetic() {
        return rows.stream().anyMatch(Row::synthetic);
    }

    static LinkedDatasetsView of(LinkMatrix matrix) {
        return new LinkedDatasetsView(
                matrix.datasets(),
                matrix.rows().stream()
                        .map(r -> new Row(
                                r.sourceDataset(),
                                Links.dataset(r.reportDataset()) + "#linkage-quality",
                                r.reportDataset(),
                                r.syntheticRecords(),
                                r.cells().stream()
                                        .map(LinkedDatasetsView::shown)
                                        .toList()))
                        .toList());
    }

    private static String shown(LinkMatrix.Cell cell) {
        if (cell == null) {
            return "–";
        }
        if (cell.rate() == null) {
            return cell.suppressed() ? "suppressed" : "no records";
        }
        return String.format(Locale.UK, "%.1f%%", cell.rate() * 100);
    }
}
