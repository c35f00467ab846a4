package org.datafirst.catalogue.spreadsheet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.datafirst.catalogue.catalogue.CatalogueService;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.ReleaseDocuments;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.problem.NotFoundException;

/** Dictionaries as downloads: one release of a dataset, or the whole catalogue, as XLSX, ODS or CSV per sheet. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DictionaryExporter {

    /** A file to send: its name, media type and bytes. */
    public record Download(String fileName, String mediaType, byte[] content) {}

    @Inject
    CatalogueService catalogue;

    @Inject
    ReleaseDocuments documents;

    /**
     * @param version a release number, or null for the current release (a draft only for a curator)
     */
    public Download dataset(String datasetId, Integer version, DownloadFormat format) {
        Release release = catalogue.releaseOrCurrent(datasetId, version);
        DatasetDocument document = documents.document(release);
        return new Download(
                datasetId + "-" + release.version + "." + format.extension(),
                format.contentType(),
                write(DictionarySheets.dataset(document), title(release), format));
    }

    /** One sheet of a release as CSV; {@code sheet} is a name from {@link DictionarySheets#CSV_NAMES}. */
    public Download datasetCsv(String datasetId, Integer version, String sheet) {
        String sheetName = DictionarySheets.CSV_NAMES.get(sheet);
        if (sheetName == null) {
            throw new NotFoundException("No dictionary sheet '" + sheet + "'; sheets are "
                    + String.join(
                            ", ",
                            DictionarySheets.CSV_NAMES.keySet().stream()
                                    .sorted()
                                    .toList()));
        }
        Release release = catalogue.releaseOrCurrent(datasetId, version);
        Sheet content = DictionarySheets.dataset(documents.document(release)).stream()
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
        return new Download(
                "data-first-catalogue." + format.extension(),
                format.contentType(),
                write(DictionarySheets.catalogue(docs, true), title, format));
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
