package org.datafirst.catalogue.spreadsheet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.datafirst.catalogue.catalogue.CatalogueService;
import org.datafirst.catalogue.catalogue.LinkageQualityReport;
import org.datafirst.catalogue.catalogue.LinkageQualityReports;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.ReleaseDocuments;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.problem.NotFoundException;

/**
 * Dictionaries as downloads: one release of a dataset, or the whole catalogue, as XLSX, ODS or CSV per sheet, with a
 * {@link LinkageQualitySheet} where the dataset has a linkage-quality report.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DictionaryExporter {

    /** A file to send: its name, media type and bytes. */
    public record Download(String fileName, String mediaType, byte[] content) {}

    @Inject
    CatalogueService catalogue;

    @Inject
    ReleaseDocuments documents;

    @Inject
    LinkageQualityReports linkageQuality;

    /**
     * @param version a release number, or null for the current release (a draft only for a curator)
     */
    public Download dataset(String datasetId, Integer version, DownloadFormat format) {
        Release release = catalogue.releaseOrCurrent(datasetId, version);
        List<Sheet> sheets = new ArrayList<>(DictionarySheets.dataset(documents.document(release)));
        linkageQuality(release).ifPresent(report -> sheets.add(LinkageQualitySheet.sheet(List.of(report), false)));
        return new Download(
                datasetId + "-" + release.version + "." + format.extension(),
                format.contentType(),
                write(sheets, title(release), format));
    }

    /**
     * One sheet of a release as CSV; {@code sheet} is a name from {@link DictionarySheets#CSV_NAMES}, or
     * {@link LinkageQualitySheet#CSV_NAME} where the release has a report.
     */
    public Download datasetCsv(String datasetId, Integer version, String sheet) {
        String sheetName = DictionarySheets.CSV_NAMES.get(sheet);
        if (sheetName == null && !sheet.equals(LinkageQualitySheet.CSV_NAME)) {
            List<String> names = new ArrayList<>(DictionarySheets.CSV_NAMES.keySet());
            names.add(LinkageQualitySheet.CSV_NAME);
            throw new NotFoundException("No dictionary sheet '" + sheet + "'; sheets are "
                    + String.join(", ", names.stream().sorted().toList()));
        }
        Release release = catalogue.releaseOrCurrent(datasetId, version);
        Sheet content = sheetName == null
                ? LinkageQualitySheet.sheet(
                        List.of(linkageQuality(release)
                                .orElseThrow(() -> new NotFoundException("Dataset '" + datasetId + "' has no "
                                        + "linkage-quality report for release " + release.version
                                        + " or an earlier one, so no " + sheet + " sheet"))),
                        false)
                : DictionarySheets.dataset(documents.document(release)).stream()
                        .filter(s -> s.name().equals(sheetName))
                        .findFirst()
                        .orElseThrow();
        return new Download(
                datasetId + "-" + release.version + "-" + sheet + ".csv",
                DownloadFormat.CSV.contentType(),
                CsvWriter.write(content));
    }

    /** Every dataset's current release in one workbook; each sheet starts with a Dataset column. */
    public Download catalogue(DownloadFormat format) {
        List<Release> releases = catalogue.currentReleases().stream()
                .sorted(Comparator.comparing(r -> r.datasetId))
                .toList();
        List<DatasetDocument> docs = new ArrayList<>();
        releases.forEach(r -> docs.add(documents.document(r)));
        LocalDate latest = releases.stream()
                .map(r -> r.issued)
                .max(Comparator.naturalOrder())
                .orElse(LocalDate.EPOCH);
        Sheet.Title title = new Sheet.Title(
                "Data First catalogue",
                "data dictionaries of " + releases.size() + " datasets, current releases",
                latest);
        List<Sheet> sheets = new ArrayList<>(DictionarySheets.catalogue(docs, true));
        List<String> ids = releases.stream().map(r -> r.datasetId).toList();
        List<LinkageQualityReport> reports = linkageQuality.newestOfEachDataset().stream()
                .filter(r -> ids.contains(r.datasetId()))
                .toList();
        if (!reports.isEmpty()) {
            sheets.add(LinkageQualitySheet.sheet(reports, true));
        }
        return new Download(
                "data-first-catalogue." + format.extension(), format.contentType(), write(sheets, title, format));
    }

    /** The report a release's downloads carry: the newest attached to it or to an earlier release. */
    private Optional<LinkageQualityReport> linkageQuality(Release release) {
        return linkageQuality.newestUpTo(release.datasetId, release.version);
    }

    static Sheet.Title title(Release release) {
        return new Sheet.Title(
                release.title() + " (" + release.datasetId + ")",
                "data dictionary, release " + release.version
                        + (release.label() == null ? "" : " (" + release.label() + ")"),
                release.issued);
    }

    static byte[] write(List<Sheet> sheets, Sheet.Title title, DownloadFormat format) {
        return switch (format) {
            case XLSX -> XlsxWriter.write(sheets, title);
            case ODS -> OdsWriter.write(sheets, title);
            case CSV, JSON -> throw new IllegalArgumentException(format + " is not a workbook");
        };
    }
}
