package org.datafirst.catalogue.spreadsheet;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** One sheet as CSV (RFC 4180, UTF-8, CRLF), header first; formula-like text is prefixed with an apostrophe. */
public final class CsvWriter {

    private CsvWriter() {}

    public static byte[] write(Sheet sheet) {
        StringBuilder csv = new StringBuilder(1024 + sheet.rows().size() * 200);
        line(csv, sheet.columns().stream().map(Sheet.Column::header).toList());
        for (List<String> row : sheet.rows()) {
            line(csv, row);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String value = values.get(i);
            if (value != null) {
                value = CellText.forCsv(value);
                boolean quote = value.indexOf(',') >= 0
                        || value.indexOf('"') >= 0
                        || value.indexOf('\n') >= 0
                        || value.indexOf('\r') >= 0
                        || value.startsWith("'");
                csv.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
            }
        }
        csv.append("\r\n");
    }
}
