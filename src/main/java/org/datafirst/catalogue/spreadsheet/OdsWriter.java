package org.datafirst.catalogue.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes sheets as an OpenDocument spreadsheet (ODS 1.2), streaming content.xml row by row. Like
 * the XLSX writer: a title row, a bold frozen header row with a filter, column widths, wrapped long
 * text. Every cell is a string cell (office:value-type="string"), never a formula.
 */
public final class OdsWriter {

    static final String MIME = "application/vnd.oasis.opendocument.spreadsheet";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final String FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    private static final String META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String CONFIG = "urn:oasis:names:tc:opendocument:xmlns:config:1.0";
    private static final String MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    private static final XMLOutputFactory XML = XMLOutputFactory.newInstance();

    private OdsWriter() {}

    public static byte[] write(List<Sheet> sheets, Sheet.Title title) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        long time = title.date().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            // The mimetype entry comes first and is stored uncompressed (ODF 1.2 part 3, 3.3).
            byte[] mime = MIME.getBytes(StandardCharsets.US_ASCII);
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(mime.length);
            CRC32 crc = new CRC32();
            crc.update(mime);
            mimetype.setCrc(crc.getValue());
            mimetype.setTime(time);
            zip.putNextEntry(mimetype);
            zip.write(mime);
            zip.closeEntry();
            entry(zip, "META-INF/manifest.xml", time, out -> manifest(out));
            entry(zip, "meta.xml", time, out -> meta(out, title));
            entry(zip, "settings.xml", time, out -> settings(out, sheets));
            entry(zip, "content.xml", time, out -> content(out, sheets, title));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private interface Part {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    private static void entry(ZipOutputStream zip, String name, long time, Part part) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        zip.putNextEntry(entry);
        OutputStream shield = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                zip.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }
        };
        try {
            java.io.Writer text = new java.io.BufferedWriter(
                    new java.io.OutputStreamWriter(shield, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
            XMLStreamWriter out = XML.createXMLStreamWriter(text);
            out.writeStartDocument("UTF-8", "1.0");
            part.write(out);
            out.writeEndDocument();
            out.close();
            text.flush(); // the zip stays open for the next entry
        } catch (XMLStreamException e) {
            throw new IOException("Could not write " + name, e);
        }
        zip.closeEntry();
    }

    private static void manifest(XMLStreamWriter out) throws XMLStreamException {
        out.writeStartElement("manifest", "manifest", MANIFEST);
        out.writeNamespace("manifest", MANIFEST);
        out.writeAttribute("manifest", MANIFEST, "version", "1.2");
        for (String[] file : new String[][] {
            {"/", MIME}, {"content.xml", "text/xml"}, {"meta.xml", "text/xml"}, {"settings.xml", "text/xml"}
        }) {
            out.writeEmptyElement("manifest", "file-entry", MANIFEST);
            out.writeAttribute("manifest", MANIFEST, "full-path", file[0]);
            if (file[0].equals("/")) {
                out.writeAttribute("manifest", MANIFEST, "version", "1.2");
            }
            out.writeAttribute("manifest", MANIFEST, "media-type", file[1]);
        }
        out.writeEndElement();
    }

    private static void meta(XMLStreamWriter out, Sheet.Title title) throws XMLStreamException {
        out.writeStartElement("office", "document-meta", OFFICE);
        out.writeNamespace("office", OFFICE);
        out.writeNamespace("meta", META);
        out.writeNamespace("dc", DC);
        out.writeAttribute("office", OFFICE, "version", "1.2");
        out.writeStartElement("office", "meta", OFFICE);
        element(out, "meta", META, "generator", "Data First Catalogue");
        element(out, "dc", DC, "title", title.title());
        element(out, "dc", DC, "subject", title.subject());
        element(out, "meta", META, "creation-date", title.date() + "T00:00:00");
        element(out, "dc", DC, "date", title.date() + "T00:00:00");
        out.writeEndElement();
        out.writeEndElement();
    }

    /** Freezes the title and header rows of every sheet (LibreOffice's view settings). */
    private static void settings(XMLStreamWriter out, List<Sheet> sheets) throws XMLStreamException {
        out.writeStartElement("office", "document-settings", OFFICE);
        out.writeNamespace("office", OFFICE);
        out.writeNamespace("config", CONFIG);
        out.writeAttribute("office", OFFICE, "version", "1.2");
        out.writeStartElement("office", "settings", OFFICE);
        out.writeStartElement("config", "config-item-set", CONFIG);
        out.writeAttribute("config", CONFIG, "name", "ooo:view-settings");
        out.writeStartElement("config", "config-item-map-indexed", CONFIG);
        out.writeAttribute("config", CONFIG, "name", "Views");
        out.writeStartElement("config", "config-item-map-entry", CONFIG);
        configItem(out, "ViewId", "string", "view1");
        out.writeStartElement("config", "config-item-map-named", CONFIG);
        out.writeAttribute("config", CONFIG, "name", "Tables");
        for (Sheet sheet : sheets) {
            out.writeStartElement("config", "config-item-map-entry", CONFIG);
            out.writeAttribute("config", CONFIG, "name", sheet.name());
            configItem(out, "HorizontalSplitMode", "short", "0");
            configItem(out, "VerticalSplitMode", "short", "2");
            configItem(out, "VerticalSplitPosition", "int", String.valueOf(XlsxWriter.HEADER_ROWS));
            configItem(out, "ActiveSplitRange", "short", "2");
            configItem(out, "PositionTop", "int", "0");
            configItem(out, "PositionBottom", "int", String.valueOf(XlsxWriter.HEADER_ROWS));
            out.writeEndElement();
        }
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndElement();
    }

    private static void configItem(XMLStreamWriter out, String name, String type, String value)
            throws XMLStreamException {
        out.writeStartElement("config", "config-item", CONFIG);
        out.writeAttribute("config", CONFIG, "name", name);
        out.writeAttribute("config", CONFIG, "type", type);
        out.writeCharacters(value);
        out.writeEndElement();
    }

    private static void content(XMLStreamWriter out, List<Sheet> sheets, Sheet.Title title) throws XMLStreamException {
        out.writeStartElement("office", "document-content", OFFICE);
        out.writeNamespace("office", OFFICE);
        out.writeNamespace("table", TABLE);
        out.writeNamespace("text", TEXT);
        out.writeNamespace("style", STYLE);
        out.writeNamespace("fo", FO);
        out.writeAttribute("office", OFFICE, "version", "1.2");
        styles(out, sheets);
        out.writeStartElement("office", "body", OFFICE);
        out.writeStartElement("office", "spreadsheet", OFFICE);
        for (int s = 0; s < sheets.size(); s++) {
            table(out, sheets.get(s), s, title);
        }
        out.writeStartElement("table", "database-ranges", TABLE);
        for (int s = 0; s < sheets.size(); s++) {
            Sheet sheet = sheets.get(s);
            out.writeEmptyElement("table", "database-range", TABLE);
            out.writeAttribute("table", TABLE, "name", "__Anonymous_Sheet_DB__" + s);
            out.writeAttribute(
                    "table",
                    TABLE,
                    "target-range-address",
                    quoted(sheet.name()) + ".A2:" + quoted(sheet.name()) + "."
                            + column(sheet.columns().size() - 1)
                            + (XlsxWriter.HEADER_ROWS + Math.max(1, sheet.rows().size())));
            out.writeAttribute("table", TABLE, "display-filter-buttons", "true");
        }
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndElement();
    }

    /** Column widths per sheet and column, a title, a header and a wrapping cell style. */
    private static void styles(XMLStreamWriter out, List<Sheet> sheets) throws XMLStreamException {
        out.writeStartElement("office", "automatic-styles", OFFICE);
        for (int s = 0; s < sheets.size(); s++) {
            List<Sheet.Column> columns = sheets.get(s).columns();
            for (int c = 0; c < columns.size(); c++) {
                out.writeStartElement("style", "style", STYLE);
                out.writeAttribute("style", STYLE, "name", "co" + s + "-" + c);
                out.writeAttribute("style", STYLE, "family", "table-column");
                out.writeEmptyElement("style", "table-column-properties", STYLE);
                // About 0.19 cm per character of the default font.
                out.writeAttribute(
                        "style",
                        STYLE,
                        "column-width",
                        String.format(Locale.ROOT, "%.2fcm", columns.get(c).width() * 0.19));
                out.writeEndElement();
            }
        }
        cellStyle(out, "title", true, false, "13pt", null);
        cellStyle(out, "header", true, true, null, "#d9d9d9");
        cellStyle(out, "wrap", false, true, null, null);
        out.writeEndElement();
    }

    private static void cellStyle(
            XMLStreamWriter out, String name, boolean bold, boolean wrap, String size, String background)
            throws XMLStreamException {
        out.writeStartElement("style", "style", STYLE);
        out.writeAttribute("style", STYLE, "name", name);
        out.writeAttribute("style", STYLE, "family", "table-cell");
        out.writeEmptyElement("style", "table-cell-properties", STYLE);
        out.writeAttribute("style", STYLE, "vertical-align", "top");
        if (wrap) {
            out.writeAttribute("fo", FO, "wrap-option", "wrap");
        }
        if (background != null) {
            out.writeAttribute("fo", FO, "background-color", background);
        }
        if (bold || size != null) {
            out.writeEmptyElement("style", "text-properties", STYLE);
            if (bold) {
                out.writeAttribute("fo", FO, "font-weight", "bold");
            }
            if (size != null) {
                out.writeAttribute("fo", FO, "font-size", size);
            }
        }
        out.writeEndElement();
    }

    private static void table(XMLStreamWriter out, Sheet sheet, int index, Sheet.Title title)
            throws XMLStreamException {
        out.writeStartElement("table", "table", TABLE);
        out.writeAttribute("table", TABLE, "name", sheet.name());
        List<Sheet.Column> columns = sheet.columns();
        for (int c = 0; c < columns.size(); c++) {
            out.writeEmptyElement("table", "table-column", TABLE);
            out.writeAttribute("table", TABLE, "style-name", "co" + index + "-" + c);
            if (columns.get(c).wrap()) {
                out.writeAttribute("table", TABLE, "default-cell-style-name", "wrap");
            }
        }
        out.writeStartElement("table", "table-row", TABLE);
        cell(out, title.line(), "title");
        out.writeEndElement();
        out.writeStartElement("table", "table-header-rows", TABLE);
        out.writeStartElement("table", "table-row", TABLE);
        for (Sheet.Column column : columns) {
            cell(out, column.header(), "header");
        }
        out.writeEndElement();
        out.writeEndElement();
        for (List<String> row : sheet.rows()) {
            out.writeStartElement("table", "table-row", TABLE);
            int empty = 0;
            for (int c = 0; c < row.size(); c++) {
                String value = row.get(c);
                if (value == null) {
                    empty++;
                    continue;
                }
                emptyCells(out, empty);
                empty = 0;
                cell(out, value, columns.get(c).wrap() ? "wrap" : null);
            }
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private static void emptyCells(XMLStreamWriter out, int count) throws XMLStreamException {
        if (count > 0) {
            out.writeEmptyElement("table", "table-cell", TABLE);
            if (count > 1) {
                out.writeAttribute("table", TABLE, "number-columns-repeated", String.valueOf(count));
            }
        }
    }

    /** A string cell; newlines become paragraphs, runs of spaces and tabs their ODF elements. */
    private static void cell(XMLStreamWriter out, String value, String style) throws XMLStreamException {
        out.writeStartElement("table", "table-cell", TABLE);
        if (style != null) {
            out.writeAttribute("table", TABLE, "style-name", style);
        }
        out.writeAttribute("office", OFFICE, "value-type", "string");
        for (String paragraph : value.split("\r\n|\n|\r", -1)) {
            out.writeStartElement("text", "p", TEXT);
            paragraph(out, paragraph);
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private static void paragraph(XMLStreamWriter out, String text) throws XMLStreamException {
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '\t') {
                flush(out, run);
                out.writeEmptyElement("text", "tab", TEXT);
                i++;
            } else if (ch == ' ') {
                int end = i;
                while (end < text.length() && text.charAt(end) == ' ') {
                    end++;
                }
                boolean inside = i > 0 && end < text.length();
                if (inside && end - i == 1) {
                    run.append(' ');
                } else {
                    // Leading, trailing or repeated spaces would collapse: write them as text:s.
                    int keep = inside ? 1 : 0;
                    run.append(" ".repeat(keep));
                    flush(out, run);
                    out.writeEmptyElement("text", "s", TEXT);
                    if (end - i - keep > 1) {
                        out.writeAttribute("text", TEXT, "c", String.valueOf(end - i - keep));
                    }
                }
                i = end;
            } else if (Character.isISOControl(ch) && ch != '\n') {
                i++; // not allowed in XML 1.0
            } else {
                run.append(ch);
                i++;
            }
        }
        flush(out, run);
    }

    private static void flush(XMLStreamWriter out, StringBuilder run) throws XMLStreamException {
        if (!run.isEmpty()) {
            out.writeCharacters(run.toString());
            run.setLength(0);
        }
    }

    private static void element(XMLStreamWriter out, String prefix, String ns, String name, String text)
            throws XMLStreamException {
        out.writeStartElement(prefix, name, ns);
        out.writeCharacters(text);
        out.writeEndElement();
    }

    private static String quoted(String sheetName) {
        return "'" + sheetName.replace("'", "''") + "'";
    }

    /** Column letters: 0 → A, 25 → Z, 26 → AA. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            letters.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return letters.toString();
    }
}
