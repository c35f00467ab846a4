package org.datafirst.catalogue.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.datafirst.catalogue.problem.InvalidSpreadsheetException;
import org.datafirst.catalogue.problem.ProblemError;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XLSX workbook with POI's event API: each sheet's XML is streamed through a SAX parser
 * (POI's, with DTDs and external entities off), so memory stays small and a huge sheet is stopped
 * at the row limit. Formulas are never evaluated: a formula cell is reported as a problem. Every
 * element, cell and merged area counts against the {@link ReadBudget}.
 */
final class XlsxReader {

    private XlsxReader() {}

    static SheetContent.Workbook read(byte[] upload, String file, ReadBudget budget) {
        int maxRows = budget.maxRows();
        List<SheetContent> sheets = new ArrayList<>();
        List<ProblemError> problems = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(upload))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String name = it.getSheetName();
                    SheetHandler handler = new SheetHandler(name, strings, styles, budget, problems);
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(handler);
                    try {
                        parser.parse(new InputSource(in));
                    } catch (TooManyRows e) {
                        budget.report(
                                problems,
                                ProblemError.at(
                                        SheetContent.sheetRef(name).replace("!", ""),
                                        "the sheet has more than " + maxRows
                                                + " rows; split the workbook or ask for a higher limit"));
                    } catch (SAXException e) {
                        budget.report(
                                problems,
                                ProblemError.at(
                                        SheetContent.sheetRef(name).replace("!", ""),
                                        "the sheet's XML cannot be read: " + e.getMessage()));
                    }
                    sheets.add(handler.sheet.build());
                }
            }
        } catch (InvalidSpreadsheetException e) {
            throw e;
        } catch (Exception e) {
            throw UploadGuard.refused(file, "the XLSX workbook cannot be read: " + e.getMessage());
        }
        return new SheetContent.Workbook("xlsx", sheets, problems);
    }

    private static final class TooManyRows extends SAXException {
        TooManyRows() {
            super("too many rows");
        }
    }

    private static final class SheetHandler extends DefaultHandler {
        final SheetContent.Builder sheet;
        private final String name;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final ReadBudget budget;
        private final List<ProblemError> problems;
        private final StringBuilder text = new StringBuilder();
        private List<String> cells;
        private int rowIndex = -1;
        private int columnIndex;
        private String cellType;
        private String cellStyle;
        private boolean formula;
        private boolean inValue;
        private boolean inInlineText;
        private int rows;

        SheetHandler(
                String name,
                ReadOnlySharedStringsTable strings,
                StylesTable styles,
                ReadBudget budget,
                List<ProblemError> problems) {
            this.name = name;
            this.sheet = new SheetContent.Builder(name, budget);
            this.strings = strings;
            this.styles = styles;
            this.budget = budget;
            this.problems = problems;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            budget.tick();
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowIndex = r == null ? rowIndex + 1 : Integer.parseInt(r) - 1;
                    cells = new ArrayList<>();
                    columnIndex = -1;
                    if (++rows > budget.maxRows()) {
                        throw new TooManyRows();
                    }
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    columnIndex = r == null ? columnIndex + 1 : new CellReference(r).getCol();
                    if (columnIndex < 0 || columnIndex >= OdsReader.MAX_COLUMNS) {
                        throw budget.stop(
                                SheetContent.sheetRef(name) + (r == null ? rowIndex + 1 : r),
                                "the cell lies beyond the last column (" + OdsReader.MAX_COLUMNS + ")");
                    }
                    cellType = attributes.getValue("t");
                    cellStyle = attributes.getValue("s");
                    formula = false;
                    text.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "t" -> inInlineText = "inlineStr".equals(cellType);
                case "mergeCell" -> {
                    CellRangeAddress range = CellRangeAddress.valueOf(attributes.getValue("ref"));
                    sheet.merge(range.getFirstRow(), range.getLastRow(), range.getFirstColumn(), range.getLastColumn());
                }
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInlineText) {
                text.append(ch, start, length);
                budget.text(text.length(), SheetContent.ref(name, rowIndex, columnIndex));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "c" -> cell();
                case "row" -> sheet.add(rowIndex, cells);
                default -> {}
            }
        }

        private void cell() {
            String ref = SheetContent.ref(name, rowIndex, columnIndex);
            if (formula) {
                budget.report(
                        problems,
                        ProblemError.at(
                                ref,
                                "formulas are not accepted (they are never evaluated); "
                                        + "replace the formula with its value"));
                return;
            }
            String raw = text.toString();
            String value = switch (cellType == null ? "n" : cellType) {
                case "s" -> raw.isEmpty() ? null : shared(Integer.parseInt(raw.trim()), ref);
                case "inlineStr", "str" -> raw;
                case "b" -> "1".equals(raw.trim()) ? "true" : "false";
                case "e" -> {
                    budget.report(problems, ProblemError.at(ref, "the cell holds the error " + raw));
                    yield null;
                }
                default -> raw.isEmpty() ? null : number(raw.trim(), ref);
            };
            put(columnIndex, budget.checked(value, ref, problems));
        }

        private String shared(int index, String ref) {
            String value = strings.getItemAt(index).getString();
            budget.text(value.length(), ref);
            return value;
        }

        private String number(String raw, String ref) {
            BigDecimal exact = ReadBudget.parse(raw);
            double number = exact == null ? Double.NaN : exact.doubleValue();
            if (!Double.isFinite(number)) {
                budget.report(problems, ProblemError.at(ref, ReadBudget.notANumber(raw)));
                return null;
            }
            if (cellStyle != null) {
                XSSFCellStyle style = styles.getStyleAt(Integer.parseInt(cellStyle));
                if (style != null
                        && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString())
                        && DateUtil.isValidExcelDate(number)) {
                    LocalDateTime time = DateUtil.getLocalDateTime(number);
                    return time.toLocalTime().toSecondOfDay() == 0
                            ? time.toLocalDate().toString()
                            : time.toString();
                }
            }
            return NumberToTextConverter.toText(number);
        }

        private void put(int column, String value) {
            while (cells.size() <= column) {
                cells.add(null);
            }
            String trimmed = value == null ? null : value.strip();
            cells.set(column, trimmed == null || trimmed.isEmpty() ? null : trimmed);
        }
    }
}
