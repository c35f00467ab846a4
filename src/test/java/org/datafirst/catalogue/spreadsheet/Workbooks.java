package org.datafirst.catalogue.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds small workbooks for tests: sheet name → rows of cell values (first row usually the header). */
final class Workbooks {

    /** The service's default limits on reading, with time to spare on a busy machine. */
    static final UploadGuard.Limits LIMITS = new UploadGuard.Limits(
            10_000_000, 100_000_000, 100, 50_000, 1_000_000, 32_767, java.time.Duration.ofSeconds(30));

    private Workbooks() {}

    static Map<String, List<List<String>>> sheets(Object... nameAndRows) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        for (int i = 0; i < nameAndRows.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<List<String>> rows = (List<List<String>>) nameAndRows[i + 1];
            sheets.put((String) nameAndRows[i], rows);
        }
        return sheets;
    }

    static byte[] xlsx(Map<String, List<List<String>>> sheets) {
        return xlsx(sheets, List.of());
    }

    /** With merged areas such as "data_dictionary!A2:A3". */
    static byte[] xlsx(Map<String, List<List<String>>> sheets, List<String> merges) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheets.forEach((name, rows) -> {
                XSSFSheet sheet = workbook.createSheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    XSSFRow row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        String value = rows.get(r).get(c);
                        if (value != null) {
                            row.createCell(c).setCellValue(value);
                        }
                    }
                }
            });
            for (String merge : merges) {
                String[] parts = merge.split("!");
                workbook.getSheet(parts[0]).addMergedRegion(org.apache.poi.ss.util.CellRangeAddress.valueOf(parts[1]));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ODS file: our writer, whose first row is a title, then the rows given (header first). */
    static byte[] ods(Map<String, List<List<String>>> sheets) {
        List<Sheet> list = new ArrayList<>();
        sheets.forEach((name, rows) -> {
            List<String> header = rows.isEmpty() ? List.of("x") : rows.get(0);
            List<Sheet.Column> columns = header.stream()
                    .map(h -> Sheet.Column.of(h == null ? "" : h, 20))
                    .toList();
            list.add(new Sheet(name, columns, rows.isEmpty() ? List.of() : rows.subList(1, rows.size())));
        });
        return OdsWriter.write(list, new Sheet.Title("Test", "test workbook", LocalDate.of(2025, 1, 1)));
    }

    static byte[] of(String format, Map<String, List<List<String>>> sheets) {
        return format.equals("xlsx") ? xlsx(sheets) : ods(sheets);
    }
}
