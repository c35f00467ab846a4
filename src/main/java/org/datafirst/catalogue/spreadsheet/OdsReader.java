package org.datafirst.catalogue.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.datafirst.catalogue.problem.InvalidSpreadsheetException;
import org.datafirst.catalogue.problem.ProblemError;

/**
 * Reads an ODS workbook: content.xml is streamed through StAX with DTDs and external entities
 * off. Handles repeated rows and cells, merged (covered) cells, paragraphs, spaces and tabs.
 * Formulas are never evaluated: a cell with table:formula is reported as a problem. Every XML event,
 * repeat and cell counts against the {@link ReadBudget}, so repeats and merges cannot make the read
 * long or large.
 */
final class OdsReader {

    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    /** Repeated empty cells or rows beyond this are padding (LibreOffice writes 1,048,576-row tails). */
    private static final int MAX_REPEAT = 1024;
    /** Columns of a sheet (LibreOffice's and Excel's limit); a value beyond it is refused. */
    static final int MAX_COLUMNS = 16_384;
    /** Row numbers stop growing here, however many empty rows are repeated. */
    private static final int MAX_ROW_INDEX = 1 << 24;

    private OdsReader() {}

    static SheetContent.Workbook read(byte[] upload, String file, ReadBudget budget) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(upload))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("content.xml")) {
                    return content(zip, budget);
                }
            }
        } catch (InvalidSpreadsheetException e) {
            throw e;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw UploadGuard.refused(file, "the ODS workbook cannot be read: " + e.getMessage());
        }
        throw UploadGuard.refused(file, "the OpenDocument file has no content.xml.");
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    private static SheetContent.Workbook content(InputStream in, ReadBudget budget) throws XMLStreamException {
        int maxRows = budget.maxRows();
        XMLStreamReader xml = factory().createXMLStreamReader(in);
        List<SheetContent> sheets = new ArrayList<>();
        List<ProblemError> problems = new ArrayList<>();
        SheetContent.Builder sheet = null;
        String sheetName = null;
        List<String> cells = null;
        int rowIndex = -1;
        int rowRepeat = 1;
        int rows = 0;
        boolean tooManyRows = false;
        // The current cell.
        StringBuilder text = null;
        int cellRepeat = 1;
        int rowSpan = 1;
        int columnSpan = 1;
        int paragraphs = 0;
        List<int[]> merges = new ArrayList<>();
        int annotation = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            budget.tick();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("DTDs and entity references are not accepted");
            }
            if (event == XMLStreamConstants.START_ELEMENT
                    && OFFICE.equals(xml.getNamespaceURI())
                    && xml.getLocalName().equals("annotation")) {
                annotation++; // comments are not cell text
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && OFFICE.equals(xml.getNamespaceURI())
                    && xml.getLocalName().equals("annotation")) {
                annotation--;
            } else if (annotation > 0) {
                continue;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String ns = xml.getNamespaceURI();
                String local = xml.getLocalName();
                if (TABLE.equals(ns) && local.equals("table")) {
                    sheetName = xml.getAttributeValue(TABLE, "name");
                    sheet = new SheetContent.Builder(sheetName, budget);
                    rowIndex = -1;
                    rows = 0;
                    tooManyRows = false;
                    merges.clear();
                } else if (TABLE.equals(ns) && local.equals("table-row") && sheet != null) {
                    cells = new ArrayList<>();
                    rowIndex++;
                    rowRepeat = integer(xml.getAttributeValue(TABLE, "number-rows-repeated"));
                } else if (TABLE.equals(ns)
                        && (local.equals("table-cell") || local.equals("covered-table-cell"))
                        && cells != null) {
                    cellRepeat = integer(xml.getAttributeValue(TABLE, "number-columns-repeated"));
                    columnSpan = integer(xml.getAttributeValue(TABLE, "number-columns-spanned"));
                    rowSpan = integer(xml.getAttributeValue(TABLE, "number-rows-spanned"));
                    text = new StringBuilder();
                    paragraphs = 0;
                    if (xml.getAttributeValue(TABLE, "formula") != null) {
                        budget.report(
                                problems,
                                ProblemError.at(
                                        SheetContent.ref(sheetName, rowIndex, cells.size()),
                                        "formulas are not accepted (they are never evaluated); replace the formula with its value"));
                        text = null;
                    } else {
                        String type = xml.getAttributeValue(OFFICE, "value-type");
                        String value = valueOf(
                                xml, type, budget, SheetContent.ref(sheetName, rowIndex, cells.size()), problems);
                        if (value != null) {
                            text.append(value);
                            paragraphs = -1; // the typed value wins over the displayed text
                        }
                    }
                } else if (text != null && paragraphs >= 0 && TEXT.equals(ns)) {
                    switch (local) {
                        case "p" -> {
                            if (paragraphs++ > 0) {
                                text.append('\n');
                            }
                        }
                        case "s" ->
                            text.append(" ".repeat(Math.min(MAX_REPEAT, integer(xml.getAttributeValue(TEXT, "c")))));
                        case "tab" -> text.append('\t');
                        case "line-break" -> text.append('\n');
                        default -> {}
                    }
                    budget.text(text.length(), SheetContent.ref(sheetName, rowIndex, cells.size()));
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (text != null && paragraphs > 0) {
                    text.append(xml.getText());
                    budget.text(text.length(), SheetContent.ref(sheetName, rowIndex, cells.size()));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String ns = xml.getNamespaceURI();
                String local = xml.getLocalName();
                if (TABLE.equals(ns)
                        && (local.equals("table-cell") || local.equals("covered-table-cell"))
                        && cells != null) {
                    String ref = SheetContent.ref(sheetName, rowIndex, cells.size());
                    String value = text == null ? null : text.toString().strip();
                    value = budget.checked(value == null || value.isEmpty() ? null : value, ref, problems);
                    if (value != null && (rowSpan > 1 || columnSpan > 1)) {
                        merges.add(
                                new int[] {rowIndex, rowIndex + rowSpan - 1, cells.size(), cells.size() + columnSpan - 1
                                });
                    }
                    int times = value == null ? Math.min(cellRepeat, MAX_REPEAT) : cellRepeat;
                    if (value != null && times > MAX_REPEAT) {
                        budget.report(
                                problems,
                                ProblemError.at(ref, "a value repeated over " + times + " columns is not accepted"));
                        times = 1;
                    }
                    if (value != null && cells.size() + times > MAX_COLUMNS) {
                        throw budget.stop(ref, "the value lies beyond the last column (" + MAX_COLUMNS + ")");
                    }
                    // Empty cells past the last column are padding: they are not kept.
                    for (int i = 0; i < times && cells.size() < MAX_COLUMNS; i++) {
                        budget.tick();
                        cells.add(value);
                    }
                    text = null;
                } else if (TABLE.equals(ns) && local.equals("table-row") && sheet != null && cells != null) {
                    boolean empty = cells.stream().allMatch(c -> c == null);
                    if (!empty) {
                        int times = rowRepeat;
                        for (int i = 0; i < times && !tooManyRows; i++) {
                            if (++rows > maxRows) {
                                tooManyRows = true;
                                budget.report(
                                        problems,
                                        ProblemError.at(
                                                sheetName,
                                                "the sheet has more than " + maxRows
                                                        + " rows; split the workbook or ask for a higher limit"));
                            } else {
                                sheet.add(rowIndex + i, new ArrayList<>(cells));
                            }
                        }
                    }
                    rowIndex = (int) Math.min((long) rowIndex + rowRepeat - 1, MAX_ROW_INDEX);
                    cells = null;
                } else if (TABLE.equals(ns) && local.equals("table") && sheet != null) {
                    for (int[] m : merges) {
                        sheet.merge(m[0], m[1], m[2], m[3]);
                    }
                    sheets.add(sheet.build());
                    sheet = null;
                }
            }
        }
        return new SheetContent.Workbook("ods", sheets, problems);
    }

    /** The value of a typed cell in the form our readers expect, or null to take the displayed text. */
    private static String valueOf(
            XMLStreamReader xml, String type, ReadBudget budget, String ref, List<ProblemError> problems) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "float", "percentage", "currency" -> {
                String value = xml.getAttributeValue(OFFICE, "value");
                yield value == null ? null : budget.plainNumber(value, ref, problems);
            }
            case "date" -> {
                String date = xml.getAttributeValue(OFFICE, "date-value");
                yield date != null && date.endsWith("T00:00:00") ? date.substring(0, 10) : date;
            }
            case "boolean" -> xml.getAttributeValue(OFFICE, "boolean-value");
            default -> null;
        };
    }

    private static int integer(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
