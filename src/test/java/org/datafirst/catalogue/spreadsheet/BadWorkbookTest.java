package org.datafirst.catalogue.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.ReleaseQueries;
import org.datafirst.catalogue.curation.Precondition;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.problem.CatalogueException;
import org.datafirst.catalogue.problem.ProblemError;
import org.datafirst.catalogue.support.SpreadsheetStoreProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: each workbook is refused with the problem located (sheet cell, sheet or
 * file) and nothing is written. Workbooks are built here: most start from a real export of the
 * probation dataset and break one thing.
 */
@QuarkusTest
@TestProfile(SpreadsheetStoreProfile.class)
class BadWorkbookTest {

    static final String DATASET = "probation";

    @Inject
    DictionaryImporter importer;

    @Inject
    DictionaryExporter exporter;

    @Inject
    ReleaseQueries catalogue;

    static BadWorkbookTest current;

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad(
                        "wrong header on Variables",
                        () -> edit(x -> cell(x, "Variables", 1, 1, "Varible")),
                        "Variables!1",
                        "no header row with the columns Table, Variable"),
                bad(
                        "unknown column",
                        () -> edit(x -> cell(x, "Variables", 1, 4, "Tpye")),
                        "Variables!E2",
                        "unknown column 'Tpye'"),
                bad(
                        "unknown type",
                        () -> edit(x -> cell(x, "Variables", 2, 4, "interger")),
                        "Variables!E3",
                        "Type 'interger'"),
                bad(
                        "duplicate variable",
                        () -> edit(x -> cell(
                                x,
                                "Variables",
                                3,
                                1,
                                x.getSheet("Variables").getRow(2).getCell(1).getStringCellValue())),
                        "Variables!B4",
                        "duplicate variable name"),
                bad(
                        "dangling lookup reference",
                        () -> edit(x -> cell(x, "Variables", 2, 6, "no-such-lookup")),
                        "Variables!G3",
                        "lookup 'no-such-lookup' is not defined"),
                bad(
                        "variable in a table not on the Tables sheet",
                        () -> edit(x -> cell(x, "Variables", 2, 0, "no_such_table")),
                        "Variables!A3",
                        "not listed on the Tables sheet"),
                bad(
                        "not a yes/no flag",
                        () -> edit(x -> cell(x, "Variables", 2, 8, "maybe")),
                        "Variables!I3",
                        "Sensitive 'maybe'"),
                bad(
                        "impossible date",
                        () -> edit(x -> cell(x, "Coverage", 2, 0, "2023-02-30")),
                        "Coverage!A3",
                        "2023-02-30"),
                bad(
                        "formula cell",
                        () -> edit(x ->
                                x.getSheet("Variables").getRow(2).getCell(3).setCellFormula("1+1")),
                        "Variables!D3",
                        "formulas are not accepted"),
                bad(
                        "workbook of another dataset",
                        () -> edit(x -> cell(x, "Dataset", 2, 1, "civil-court")),
                        "Dataset!B3",
                        "is for dataset 'civil-court'"),
                bad(
                        "required sheet missing",
                        () -> edit(x -> x.removeSheetAt(x.getSheetIndex("Tables"))),
                        "probation.xlsx",
                        "no sheet named 'Tables'"),
                bad(
                        "neither layout (empty sheet)",
                        () -> Workbooks.xlsx(Workbooks.sheets("Sheet1", List.of())),
                        "probation.xlsx",
                        "neither a 'Variables' sheet"),
                bad(
                        "MoJ layout without Variable Name",
                        () -> Workbooks.ods(Workbooks.sheets(
                                "data_dictionary", List.of(List.of("Table Name", "Description"), List.of("t", "d")))),
                        "data_dictionary!1",
                        "no header row"),
                bad(
                        "wrong file type (CSV)",
                        () -> "Table,Variable\nt,v\n".getBytes(StandardCharsets.UTF_8),
                        "probation.xlsx",
                        "not an XLSX or ODS workbook"),
                bad("empty file", () -> new byte[0], "probation.xlsx", "the file is empty"),
                bad("legacy .xls", BadWorkbookTest::xls, "probation.xlsx", "legacy binary Office file"),
                bad("password-protected", BadWorkbookTest::encrypted, "probation.xlsx", "password-protected"),
                bad(
                        "macros",
                        () -> withEntry(export(), "xl/vbaProject.bin", new byte[100]),
                        "probation.xlsx",
                        "contains macros"),
                bad(
                        "zip bomb",
                        () -> withEntry(export(), "xl/bomb.bin", new byte[30_000_000]),
                        "probation.xlsx",
                        "possible zip bomb"),
                bad("huge sheet", BadWorkbookTest::huge, "Variables", "more than 2000 rows"),
                bad("external entity in ODS", BadWorkbookTest::xxe, "probation.xlsx", "cannot be read"),
                bad(
                        "ODS with unknown type",
                        () -> Workbooks.ods(Workbooks.sheets(
                                "Dataset", List.of(List.of("Field", "Value"), List.of("id", "probation")),
                                "Tables", List.of(List.of("Table"), List.of("t")),
                                "Variables",
                                        List.of(List.of("Table", "Variable", "Type"), List.of("t", "v", "texte")))),
                        "Variables!C3",
                        "Type 'texte'"),
                // Hostile uploads: each is refused quickly, within bounded memory.
                bad(
                        "ODS number with a huge exponent",
                        () -> odsTable(
                                "Variables",
                                row("<table:table-cell office:value-type=\"float\" office:value=\"1E1000000000\"/>")),
                        "Variables!A1",
                        "more than 30 digits"),
                bad(
                        "ODS number that is not finite",
                        () -> odsTable(
                                "Variables",
                                row("<table:table-cell office:value-type=\"float\" office:value=\"INF\"/>")),
                        "Variables!A1",
                        "not a finite number"),
                bad(
                        "ODS long row repeated a billion times",
                        () -> odsTable(
                                "Variables",
                                "<table:table-row table:number-rows-repeated=\"1000000000\">"
                                        + "<table:table-cell table:number-columns-repeated=\"1000\"/>" + text("x")
                                        + "</table:table-row>"),
                        "Variables!1000",
                        "more than 1000000 cells"),
                bad(
                        "ODS value beyond the last column",
                        () -> odsTable(
                                "Variables",
                                row("<table:table-cell table:number-columns-repeated=\"1000\"/>".repeat(17)
                                        + text("x"))),
                        "Variables!XFE1",
                        "beyond the last column"),
                bad(
                        "XLSX merged area of 160,000 rows",
                        () -> edit(x ->
                                x.getSheet("Variables").addMergedRegionUnsafe(CellRangeAddress.valueOf("A3:A160000"))),
                        "Variables!A3:A160000",
                        "spans more than 2000 rows"),
                bad(
                        "XLSX merged area of every column",
                        () -> edit(x ->
                                x.getSheet("Variables").addMergedRegionUnsafe(CellRangeAddress.valueOf("A3:XFD1000"))),
                        "Variables!A3:XFD1000",
                        "the merged area has 16351232 cells"),
                bad(
                        "80,000-character Values cell (MoJ layout)",
                        () -> Workbooks.ods(Workbooks.sheets(
                                "data_dictionary",
                                List.of(
                                        List.of("Table Name", "Variable Name", "Variable Description", "Values"),
                                        List.of("t", "v", "d", "a = b, " + "c ".repeat(40_000))))),
                        "data_dictionary!D3",
                        "more than 32767 characters"),
                // XML cannot hold U+FFFF or a lone surrogate, but POI decodes the escapes _xFFFF_ and _xD800_.
                bad(
                        "XLSX cell with a Unicode non-character",
                        () -> sharedString("a_xFFFF_b"),
                        "Variables!A2",
                        "U+FFFF, a Unicode non-character"),
                bad(
                        "XLSX cell with a lone surrogate",
                        () -> sharedString("a_xD800_b"),
                        "Variables!A2",
                        "lone surrogate U+D800"),
                bad(
                        "ODS cell with a Unicode non-character",
                        () -> odsTable("Variables", row(text("a\uFDD0b"))),
                        "Variables!A1",
                        "U+FDD0, a Unicode non-character"));
    }

    static Arguments bad(String name, Supplier<byte[]> upload, String location, String message) {
        return Arguments.of(name, upload, location, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithALocatedErrorAndWritesNothing(
            String name, Supplier<byte[]> upload, String location, String message) {
        current = this;
        byte[] bytes = upload.get();
        Release before = catalogue.currentRelease(DATASET);
        int releases = catalogue.releases(DATASET).size();

        CatalogueException error = catchThrowableOfType(
                CatalogueException.class,
                () -> importer.importWorkbook(
                        DATASET,
                        bytes,
                        "probation.xlsx",
                        Precondition.of(catalogue.datasetTag(DATASET).orElseThrow(), null),
                        "corpus"));

        assertThat(error).as(name).isNotNull();
        assertThat(error.type().status()).isBetween(400, 499);
        assertThat(error.errors()).as("errors of %s", name).anySatisfy(e -> {
            assertThat(e.location()).isEqualTo(location);
            assertThat(e.message()).contains(message);
        });
        assertThat(catalogue.currentRelease(DATASET).id).isEqualTo(before.id);
        assertThat(catalogue.releases(DATASET)).hasSize(releases);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        current = this;
        byte[] bytes = edit(x -> {
            cell(x, "Variables", 2, 4, "interger");
            cell(x, "Variables", 3, 6, "no-such-lookup");
            cell(x, "Coverage", 2, 2, null);
        });
        CatalogueException error = catchThrowableOfType(
                CatalogueException.class, () -> importer.preview(DATASET, bytes, "probation.xlsx", () -> false));
        assertThat(error.errors()).extracting(ProblemError::location).contains("Variables!E3", "Coverage!C3");
        assertThat(error.getMessage()).contains("Variables!E3");
    }

    // ---- building the corpus

    static byte[] export() {
        return current.exporter.dataset(DATASET, null, DownloadFormat.XLSX).content();
    }

    static byte[] edit(Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void cell(XSSFWorkbook workbook, String sheet, int row, int column, String value) {
        XSSFSheet s = workbook.getSheet(sheet);
        var r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
        if (r.getCell(column) != null) {
            r.removeCell(r.getCell(column));
        }
        if (value != null) {
            r.createCell(column).setCellValue(value);
        }
    }

    static byte[] withEntry(byte[] zip, String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                z.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(z);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An XLSX file whose cell Variables!A2 holds this shared string, written into sharedStrings.xml as is. */
    static byte[] sharedString(String xmlText) {
        byte[] xlsx = Workbooks.xlsx(Workbooks.sheets("Variables", List.of(List.of("Table"), List.of("MARKER"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                z.putNextEntry(new ZipEntry(e.getName()));
                byte[] content = in.readAllBytes();
                z.write(
                        e.getName().equals("xl/sharedStrings.xml")
                                ? new String(content, StandardCharsets.UTF_8)
                                        .replace("MARKER", xmlText)
                                        .getBytes(StandardCharsets.UTF_8)
                                : content);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xls() {
        try (HSSFWorkbook workbook = new HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Variables").createRow(0).createCell(0).setCellValue("Table");
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encrypted() {
        try (POIFSFileSystem fs = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(export());
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] huge() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Table", "Variable", "Type"));
        for (int i = 0; i < 2100; i++) {
            rows.add(List.of("t", "v" + i, "string"));
        }
        return Workbooks.xlsx(Workbooks.sheets(
                "Dataset",
                List.of(List.of("Field", "Value")),
                "Tables",
                List.of(List.of("Table"), List.of("t")),
                "Variables",
                rows));
    }

    /** An ODS file with one sheet of the given rows (table:table-row elements). */
    static byte[] odsTable(String name, String rows) {
        return ods("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
                + "<table:table table:name=\"" + name + "\">" + rows + "</table:table>"
                + "</office:spreadsheet></office:body></office:document-content>");
    }

    static String row(String cells) {
        return "<table:table-row>" + cells + "</table:table-row>";
    }

    static String text(String value) {
        return "<table:table-cell office:value-type=\"string\"><text:p>" + value + "</text:p></table:table-cell>";
    }

    static byte[] xxe() {
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
                  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>
                <table:table table:name="Variables"><table:table-row><table:table-cell><text:p>&secret;</text:p>
                </table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>
                """.strip();
        return ods(content);
    }

    static byte[] ods(String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("mimetype"));
            z.write(OdsWriter.MIME.getBytes(StandardCharsets.US_ASCII));
            z.putNextEntry(new ZipEntry("content.xml"));
            z.write(content.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
