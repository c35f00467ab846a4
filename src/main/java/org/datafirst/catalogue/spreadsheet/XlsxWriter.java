package org.datafirst.catalogue.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes sheets as an XLSX workbook with POI's streaming writer (SXSSF): only a window of rows is
 * in memory. Row 1 names the dataset, release and date; row 2 is the bold, frozen, filtered header.
 * Every cell is a string cell; text that a spreadsheet would take for a formula is also marked
 * quote-prefixed, so editing the cell keeps it text.
 */
public final class XlsxWriter {

    /** Rows of the title and header above the data. */
    static final int HEADER_ROWS = 2;

    private static final int WINDOW = 200;
    private static final float LINE_POINTS = 15f;

    private XlsxWriter() {}

    public static byte[] write(List<Sheet> sheets, Sheet.Title title) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            Styles styles = new Styles(workbook);
            for (Sheet sheet : sheets) {
                writeSheet(workbook.createSheet(sheet.name()), sheet, title, styles);
            }
            var properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            properties.setTitle(title.title());
            properties.setSubjectProperty(title.subject());
            properties.setCreator("Data First Catalogue");
            Date date = Date.from(title.date().atStartOfDay(ZoneOffset.UTC).toInstant());
            properties.setCreated(Optional.of(date));
            properties.setModified(Optional.of(date));
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            workbook.write(out);
            return Zips.withFixedTimes(out.toByteArray(), title.date());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private static void writeSheet(SXSSFSheet out, Sheet sheet, Sheet.Title title, Styles styles) {
        List<Sheet.Column> columns = sheet.columns();
        for (int c = 0; c < columns.size(); c++) {
            out.setColumnWidth(c, Math.min(255, columns.get(c).width()) * 256);
        }
        SXSSFRow titleRow = out.createRow(0);
        SXSSFCell titleCell = titleRow.createCell(0);
        titleCell.setCellValue(title.line());
        titleCell.setCellStyle(styles.title);
        SXSSFRow header = out.createRow(1);
        for (int c = 0; c < columns.size(); c++) {
            SXSSFCell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(styles.header);
        }
        int r = HEADER_ROWS;
        for (List<String> values : sheet.rows()) {
            SXSSFRow row = out.createRow(r++);
            int lines = 1;
            for (int c = 0; c < values.size(); c++) {
                String value = values.get(c);
                if (value == null) {
                    continue;
                }
                SXSSFCell cell = row.createCell(c);
                cell.setCellValue(value);
                boolean wrap = columns.get(c).wrap();
                if (wrap) {
                    lines = Math.max(lines, lines(value, columns.get(c).width()));
                }
                if (CellText.looksLikeFormula(value)) {
                    cell.setCellStyle(wrap ? styles.literalWrapped : styles.literal);
                } else if (wrap) {
                    cell.setCellStyle(styles.wrapped);
                }
            }
            if (lines > 1) {
                // Readers do not all fit row heights to wrapped text on opening; give the height.
                row.setHeightInPoints(Math.min(409, lines * LINE_POINTS));
            }
        }
        out.createFreezePane(0, HEADER_ROWS);
        out.setAutoFilter(new CellRangeAddress(1, Math.max(1, r - 1), 0, columns.size() - 1));
    }

    /** Lines a text takes in a column of this many characters, wrapping at about 1.1 characters per unit. */
    static int lines(String text, int width) {
        int lines = 0;
        int perLine = Math.max(1, (int) (width * 1.1));
        for (String paragraph : text.split("\n", -1)) {
            lines += Math.max(1, (paragraph.length() + perLine - 1) / perLine);
        }
        return lines;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle wrapped;
        final CellStyle literal;
        final CellStyle literalWrapped;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            title = workbook.createCellStyle();
            title.setFont(big);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setWrapText(true);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            literal = workbook.createCellStyle();
            literal.setQuotePrefixed(true);
            literalWrapped = workbook.createCellStyle();
            literalWrapped.cloneStyleFrom(wrapped);
            literalWrapped.setQuotePrefixed(true);
        }
    }
}
