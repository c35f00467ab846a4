package org.datafirst.catalogue.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.datafirst.catalogue.catalogue.ReleaseDocuments;
import org.datafirst.catalogue.catalogue.ReleaseQueries;
import org.datafirst.catalogue.catalogue.diff.Change;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument.CodeDocument;
import org.datafirst.catalogue.catalogue.document.TableDocument;
import org.datafirst.catalogue.catalogue.document.VariableDocument;
import org.datafirst.catalogue.curation.Precondition;
import org.datafirst.catalogue.support.SpreadsheetStoreProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A workbook in MoJ's layout (data_dictionary plus a drug_lookup sheet) imports into tables, variables and codes. */
@QuarkusTest
@TestProfile(SpreadsheetStoreProfile.class)
class MojLayoutImportTest {

    static final String DATASET = "offender-assessment-oasys";
    static final String CORE = "oasys_assessments_details_core_risk";

    @Inject
    DictionaryImporter importer;

    @Inject
    ReleaseQueries catalogue;

    @Inject
    ReleaseDocuments documents;

    /** MoJ's columns in another order and case, a blank Table Name continuing the table above, a lookup sheet. */
    static Map<String, List<List<String>>> mojWorkbook() {
        return Workbooks.sheets(
                "data_dictionary",
                        List.of(
                                row("VARIABLE NAME", "table name", "Values (optional)", "Variable Description"),
                                row(
                                        "question_3_4",
                                        CORE,
                                        "0 = No problems / 1 = Some problems / 2 = Significant problems / M = Missing",
                                        "Living in suitable accommodation"),
                                row("question_8_1", null, "NO = No; YES = Yes", "Ever misused drugs"),
                                row("question_8_2_main", null, "See drug_lookup", "Main drug used"),
                                row("assessment_date", "new_assessment_table", "YYYY-MM-DD", "Date of the assessment"),
                                row("total_score", "new_assessment_table", "0 - 8", "Total score"),
                                row(
                                        "risk_flag",
                                        "new_assessment_table",
                                        "NO = No; YES = Yes; M = Missing; NA = Not Applicable; DK",
                                        "A flag with missing codes")),
                "drug_lookup", List.of(row("Drug Code", "Drug Name"), row("01", "Heroin"), row("02", "Methadone")));
    }

    /** Our downloads' Linkage quality sheet copied into a MoJ workbook is skipped by name: it is no lookup sheet. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"xlsx", "ods"})
    void aLinkageQualitySheetInAMojWorkbookChangesNothing(String format) {
        DatasetDocument base = documents.document(catalogue.currentRelease(DATASET));
        Map<String, List<List<String>>> withSheet = new java.util.LinkedHashMap<>(mojWorkbook());
        withSheet.put(
                LinkageQualitySheet.NAME,
                List.of(
                        LinkageQualitySheet.COLUMNS.stream()
                                .map(Sheet.Column::header)
                                .toList(),
                        row("civil", "(all)", "records", null, "435", null, null, null, "7", "2", "yes")));
        DatasetDocument without = readMoj(Workbooks.of(format, mojWorkbook()), base);
        DatasetDocument with = readMoj(Workbooks.of(format, withSheet), base);
        assertThat(with).isEqualTo(without);
        assertThat(with.lookups()).extracting(LookupDocument::id).doesNotContain("linkage-quality");
    }

    private static DatasetDocument readMoj(byte[] upload, DatasetDocument base) {
        SheetContent.Workbook workbook = WorkbookReader.read(upload, "ONS_oasys", Workbooks.LIMITS, () -> false);
        DictionaryLayoutReader.Result read = MojLayoutReader.read(workbook, base, "ONS_oasys");
        assertThat(read.errors()).isEmpty();
        return SheetDocuments.check(read.tree(), read.locations(), read.errors(), "ONS_oasys");
    }

    @Test
    void mojWorkbooksInBothFormatsGiveTheExpectedTablesVariablesAndCodesThenImportOnce() {
        DatasetDocument base = documents.document(catalogue.currentRelease(DATASET));
        byte[] xlsx = Workbooks.xlsx(mojWorkbook(), List.of("data_dictionary!B2:B4"));
        byte[] ods = Workbooks.ods(mojWorkbook());
        for (byte[] upload : List.of(xlsx, ods)) {
            // When read
            SheetContent.Workbook workbook =
                    WorkbookReader.read(upload, "ONS_oasys.xlsx", Workbooks.LIMITS, () -> false);
            DictionaryLayoutReader.Result read = MojLayoutReader.read(workbook, base, "ONS_oasys.xlsx");
            DatasetDocument doc = SheetDocuments.check(read.tree(), read.locations(), read.errors(), "ONS_oasys.xlsx");

            // Then tables keep what the catalogue knew, new ones are marked
            assertThat(doc.tables()).extracting(TableDocument::name).containsExactly(CORE, "new_assessment_table");
            assertThat(doc.tables().get(0).grain()).isEqualTo(table(base, CORE).grain());
            assertThat(doc.tables().get(1).grain()).isEqualTo(MojLayoutReader.NEW_TABLE_GRAIN);
            assertThat(doc.tables().get(0).variables())
                    .extracting(VariableDocument::name)
                    .containsExactly("question_3_4", "question_8_1", "question_8_2_main");

            // And values become lookups: the known NO/YES and 0/1/2 lists are reused, others are new
            VariableDocument q34 = variable(doc, CORE, "question_3_4");
            assertThat(q34.description()).isEqualTo("Living in suitable accommodation");
            assertThat(q34.lookup()).isEqualTo("oasys-problem-scale");
            assertThat(q34.sensitive())
                    .isEqualTo(variable(base, CORE, "question_3_4").sensitive());
            assertThat(variable(doc, CORE, "question_8_1").lookup()).isEqualTo("oasys-no-yes");
            assertThat(variable(doc, CORE, "question_8_1").sensitive()).isTrue();
            assertThat(lookup(doc, variable(doc, CORE, "question_8_2_main").lookup())
                            .codes())
                    .containsExactly(new CodeDocument("01", "Heroin", null), new CodeDocument("02", "Methadone", null));
            VariableDocument date = variable(doc, "new_assessment_table", "assessment_date");
            assertThat(date.type()).isEqualTo("date");
            assertThat(date.format()).isEqualTo("YYYY-MM-DD");
            assertThat(date.confidence()).isEqualTo("confirmed");
            assertThat(date.source()).isEqualTo(MojLayoutReader.UPLOAD_SOURCE);
            VariableDocument score = variable(doc, "new_assessment_table", "total_score");
            assertThat(score.type()).isEqualTo("integer");
            assertThat(score.format()).isEqualTo("0 - 8");
            assertThat(score.lookup()).isNull();
            assertThat(lookup(
                                    doc,
                                    variable(doc, "new_assessment_table", "risk_flag")
                                            .lookup())
                            .codes())
                    .extracting(CodeDocument::code, CodeDocument::label)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("NO", "No"),
                            org.assertj.core.groups.Tuple.tuple("YES", "Yes"),
                            org.assertj.core.groups.Tuple.tuple("M", "Missing"),
                            org.assertj.core.groups.Tuple.tuple("NA", "Not Applicable"),
                            org.assertj.core.groups.Tuple.tuple("DK", "DK"));
        }

        // When previewed, the diff names removed and added tables and variables; nothing is written
        int before = catalogue.currentRelease(DATASET).version;
        DictionaryImporter.Outcome preview = importer.preview(DATASET, xlsx, "ONS_oasys.xlsx", () -> false);
        assertThat(preview.layout()).isEqualTo(DictionaryImporter.Layout.moj);
        assertThat(preview.diff().tables())
                .extracting(Change::path, Change::kind)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("tables/new_assessment_table", Change.Kind.added),
                        org.assertj.core.groups.Tuple.tuple(
                                "tables/oasys_assessments_details_bcs", Change.Kind.removed));
        assertThat(preview.diff().variables())
                .extracting(Change::path)
                .contains(
                        "tables/" + CORE + "/variables/question_8_2_main",
                        "tables/" + CORE + "/variables/question_3_4/description");
        assertThat(catalogue.currentRelease(DATASET).version).isEqualTo(before);

        // When imported, one release is made; the same content as ODS then changes nothing
        DictionaryImporter.Outcome imported = importer.importWorkbook(
                        DATASET, xlsx, "ONS_oasys.xlsx", current(), "moj-test")
                .outcome();
        assertThat(imported.version()).isEqualTo(before + 1);
        assertThat(catalogue.currentRelease(DATASET).origin).isEqualTo("upload: ONS_oasys.xlsx");
        DatasetDocument stored = documents.document(catalogue.currentRelease(DATASET));
        assertThat(variable(stored, "new_assessment_table", "assessment_date").format())
                .isEqualTo("YYYY-MM-DD");
        assertThat(importer.importWorkbook(DATASET, ods, "ONS_oasys.xlsx", current(), "moj-test")
                        .outcome()
                        .version())
                .isNull();
    }

    /** The current release in MoJ's layout: one data_dictionary row per variable, its codes in Values. */
    static byte[] inMojLayout(DatasetDocument document) {
        Map<String, LookupDocument> lookups = new java.util.HashMap<>();
        document.lookups().forEach(l -> lookups.put(l.id(), l));
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(row("Table Name", "Variable Name", "Variable Description", "Values"));
        for (TableDocument table : document.tables()) {
            for (VariableDocument variable : table.variables()) {
                LookupDocument lookup = variable.lookup() == null ? null : lookups.get(variable.lookup());
                String values = lookup == null
                        ? variable.format()
                        : String.join(
                                "; ",
                                lookup.codes().stream()
                                        .map(c -> c.code() + " = " + c.label())
                                        .toList());
                rows.add(row(table.name(), variable.name(), variable.description(), values));
            }
        }
        return Workbooks.xlsx(Workbooks.sheets("data_dictionary", rows));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.datafirst.catalogue.spreadsheet.SpreadsheetRoundTripTest#datasets")
    void everyShippedDatasetInMojLayoutImportsWithItsTablesAndVariables(String dataset) {
        // Given the current release written in MoJ's layout
        DatasetDocument base = documents.document(catalogue.currentRelease(dataset));

        // When previewed, it is read as MoJ's layout without a problem
        DictionaryImporter.Outcome preview =
                importer.preview(dataset, inMojLayout(base), dataset + ".xlsx", () -> false);

        // Then every variable is kept; only tables without known columns (which the sheet cannot list) go
        assertThat(preview.layout()).isEqualTo(DictionaryImporter.Layout.moj);
        List<String> emptyTables = base.tables().stream()
                .filter(t -> t.variables().isEmpty())
                .map(t -> "tables/" + t.name())
                .toList();
        assertThat(preview.diff().tables()).allSatisfy(change -> {
            assertThat(change.kind()).isEqualTo(Change.Kind.removed);
            assertThat(emptyTables).contains(change.path());
        });
        assertThat(preview.diff().variables())
                .extracting(Change::kind)
                .doesNotContain(Change.Kind.added, Change.Kind.removed);
    }

    @Test
    void valuesNotation() {
        assertThat(MojLayoutReader.parse("0 = Never / 1 = Previously / 2 = Current", Map.of())
                        .codes())
                .extracting(CodeDocument::code)
                .containsExactly("0", "1", "2");
        assertThat(MojLayoutReader.parse("N/A = Not applicable; Y = Yes", Map.of())
                        .codes())
                .extracting(CodeDocument::code)
                .containsExactly("N/A", "Y");
        assertThat(MojLayoutReader.parse("0 - 99", Map.of()).type()).isEqualTo("integer");
        assertThat(MojLayoutReader.parse("YYYY-MM-DD", Map.of()).type()).isEqualTo("date");
        assertThat(MojLayoutReader.parse("YES", Map.of()).format()).isEqualTo("YES");
        assertThat(MojLayoutReader.parse("codes in drug_lookup", Map.of("druglookup", "drug-lookup"))
                        .lookup())
                .isEqualTo("drug-lookup");
    }

    private Precondition current() {
        return Precondition.of(catalogue.datasetTag(DATASET).orElseThrow(), null);
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    private static TableDocument table(DatasetDocument doc, String name) {
        return doc.tables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static VariableDocument variable(DatasetDocument doc, String table, String name) {
        return table(doc, table).variables().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static LookupDocument lookup(DatasetDocument doc, String id) {
        return doc.lookups().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }
}
