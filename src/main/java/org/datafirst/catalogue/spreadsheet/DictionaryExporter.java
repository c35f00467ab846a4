package org.datafirst.catalogue.spreadsheet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.datafirst.catalogue.catalogue.ReleaseQueries;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.ReleaseDocuments;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.problem.NotFoundException;

/** Dictionaries as downloads: one release of a dataset, or the whole catalogue, as XLSX, ODS or CSV per sheet. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DictionaryExporter {

    /** A file to send: its name, media type and bytes. */
    public record Download(String fileName, String mediaType, byte[] content) {
    }

    @Inject
    ReleaseQueries catalogue;

    @Inject
    ReleaseDocuments documents;

    /**
     * @param version a release number, or null for the current release
     * @param draftAccess run when the release is a draft: throws unless the caller may see drafts
     */
    public Download dataset(String datasetId, Integer version, SpreadsheetFormat format, Runnable draftAccess) {
        Release release = release(datasetId, version, draftAccess);
        DatasetDocument document = documents.document(release);
        return new Download(datasetId + "-" + release.version + "." + format.extension(), format.mediaType(),
                write(DictionarySheets.dataset(document), title(release), format));
    }

    /** One sheet of a release as CSV; {@code sheet} is a name from {@link DictionarySheets#CSV_NAMES}. */
    public Download datasetCsv(String datasetId, Integer version, String sheet, Runnable draftAccess) {
        String sheetName = DictionarySheets.CSV_NAMES.get(sheet);
        if (sheetName == null) {
            throw new NotFoundException("No dictionary sheet '" + sheet + "'; sheets are "
                    + String.join(", ", DictionarySheets.CSV_NAMES.keySet().stream().sorted().toList()));
        }
        Release release = release(datasetId, version, draftAccess);
        Sheet content = DictionarySheets.dataset(documents.document(release)).stream()
                .filter(s -> s.name().equals(sheetName)).findFirst().orElseThrow();
        return new Download(datasetId + "-" + release.version + "-" + sheet + ".csv", SpreadsheetFormat.CSV.mediaType(),
                CsvWriter.write(content));
    }

    /** Every dataset's current release in one workbook; each sheet starts with a Dataset column. */
    public Download catalogue(SpreadsheetFormat format) {
        List<Release> releases = catalogue.currentReleases().stream()
                .sorted(Comparator.comparing(r -> r.datasetId)).toList();
        List<DatasetDocument> docs = new ArrayList<>();
        releases.forEach(r -> docs.add(documents.document(r)));
        LocalDate latest = releases.stream().map(r -> r.issued).max(Comparator.naturalOrder()).orElse(LocalDate.EPOCH);
        Sheet.Title title = new Sheet.Title("Data First catalogue", "data dictionaries of " + releases.size()
                + " datasets, current releases", latest);
        return new Download("data-first-catalogue." + format.extension(), format.mediaType(),
                write(DictionarySheets.catalogue(docs, true), title, format));
    }

    private Release release(String datasetId, Integer version, Runnable draftAccess) {
        Release release = version == null ? catalogue.currentRelease(datasetId) : catalogue.release(datasetId, version);
        if (!Release.PUBLISHED.equals(release.status)) {
            draftAccess.run();
        }
        return release;
    }

    static Sheet.Title title(Release release) {
        return new Sheet.Title(release.title() + " (" + release.datasetId + ")", "data dictionary, release "
                + release.version + (release.label() == null ? "" : " (" + release.label() + ")"), release.issued);
    }

    static byte[] write(List<Sheet> sheets, Sheet.Title title, SpreadsheetFormat format) {
        return switch (format) {
            case XLSX -> XlsxWriter.write(sheets, title);
            case ODS -> OdsWriter.write(sheets, title);
            case CSV -> throw new IllegalArgumentException("CSV is written per sheet");
        };
    }
}
