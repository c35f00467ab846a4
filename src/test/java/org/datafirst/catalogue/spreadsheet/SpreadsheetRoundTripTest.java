package org.datafirst.catalogue.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;
import org.datafirst.catalogue.catalogue.ReleaseDocuments;
import org.datafirst.catalogue.catalogue.ReleaseQueries;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.curation.Precondition;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.linkagequality.LinkageQualityService;
import org.datafirst.catalogue.support.Documents;
import org.datafirst.catalogue.support.SpreadsheetStoreProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Export → import of every dataset in catalogue-sources, in both formats, gives the release back unchanged. */
@QuarkusTest
@TestProfile(SpreadsheetStoreProfile.class)
class SpreadsheetRoundTripTest {

    static final List<String> DATASETS = List.of(
            "civil-court",
            "cross-justice-linking",
            "crown-court-defendant",
            "family-court",
            "magistrates-courts-defendant",
            "moj-dfe-data-share",
            "offender-assessment-oasys",
            "prisoner-custodial-journey",
            "probation");

    @Inject
    DictionaryExporter exporter;

    @Inject
    DictionaryImporter importer;

    @Inject
    ReleaseQueries catalogue;

    @Inject
    ReleaseDocuments documents;

    @Inject
    LinkageQualityService linkageQuality;

    static Stream<String> datasets() {
        return DATASETS.stream();
    }

    static Stream<Arguments> datasetsAndFormats() {
        return DATASETS.stream()
                .flatMap(d -> Stream.of(Arguments.of(d, DownloadFormat.XLSX), Arguments.of(d, DownloadFormat.ODS)));
    }

    /**
     * A dataset with a linkage-quality report downloads with a Linkage quality sheet; uploading that workbook reads
     * the dictionary sheets only (reports come from the linkage module through the API), so nothing changes.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DownloadFormat.class,
            names = {"XLSX", "ODS"})
    void theLinkageQualitySheetIsDownloadedAndAnUploadOfItChangesNothing(DownloadFormat format) throws Exception {
        String dataset = "cross-justice-linking";
        if (linkageQuality.latest(dataset).isEmpty()) {
            linkageQuality.publish(
                    dataset,
                    Documents.moduleSyntheticReport().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "round-trip-test");
        }
        int version = catalogue.currentRelease(dataset).version;
        DictionaryExporter.Download download = exporter.dataset(dataset, null, format);

        SheetContent.Workbook workbook =
                WorkbookReader.read(download.content(), download.fileName(), Workbooks.LIMITS, () -> false);
        SheetContent sheet = workbook.sheet(LinkageQualitySheet.NAME).orElseThrow();
        assertThat(sheet.rows()).hasSizeGreaterThan(200);
        assertThat(sheet.rows().get(1).cells())
                .as("the header below the title row")
                .startsWith("Source dataset", "Role", "Measure", "Of", "Value");

        importChangesNothing(dataset, download, version);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("datasetsAndFormats")
    void exportThenImportGivesTheSameRelease(String dataset, DownloadFormat format) {
        // Given the current release exported
        int version = catalogue.currentRelease(dataset).version;
        DatasetDocument original = documents.document(catalogue.currentRelease(dataset));
        DictionaryExporter.Download download = exporter.dataset(dataset, null, format);
        assertThat(download.fileName()).isEqualTo(dataset + "-" + version + "." + format.extension());

        // When it is read back, the document is equal to the original
        SheetContent.Workbook workbook =
                WorkbookReader.read(download.content(), download.fileName(), Workbooks.LIMITS, () -> false);
        DictionaryLayoutReader.Result read = DictionaryLayoutReader.read(workbook, download.fileName());
        DatasetDocument imported =
                SheetDocuments.check(read.tree(), read.locations(), read.errors(), download.fileName());
        assertThat(imported).isEqualTo(original);

        // And importing it finds no change and makes no release
        importChangesNothing(dataset, download, version);
    }

    /** A preview of the download finds no change, and importing it makes no release. */
    private void importChangesNothing(String dataset, DictionaryExporter.Download download, int version) {
        DictionaryImporter.Outcome preview =
                importer.preview(dataset, download.content(), download.fileName(), () -> false);
        assertThat(preview.diff().isEmpty()).as("diff %s", preview.diff()).isTrue();
        DictionaryImporter.Written written = importer.importWorkbook(
                dataset,
                download.content(),
                download.fileName(),
                Precondition.of(catalogue.datasetTag(dataset).orElseThrow(), null),
                "round-trip-test");
        assertThat(written.outcome().version()).isNull();
        assertThat(catalogue.currentRelease(dataset).version).isEqualTo(version);
    }
}
