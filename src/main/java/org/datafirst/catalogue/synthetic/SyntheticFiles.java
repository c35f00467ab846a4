package org.datafirst.catalogue.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes generated tables to a stream as CSV, Parquet, or a zip of every table with a README, one
 * row at a time: memory does not grow with the number of rows. The same arguments give the same
 * bytes (zip entries carry the release's issue date, not the time of writing).
 */
final class SyntheticFiles {

    static final int ROWS_PER_GROUP = 8192;

    private SyntheticFiles() {}

    /** What a file was generated from, written into its metadata and the README. */
    record Origin(String datasetId, String title, int release, LocalDate issued, long seed, int rows) {}

    static void csv(SyntheticTable table, Origin origin, OutputStream stream) throws IOException {
        Writer out =
                new BufferedWriter(new OutputStreamWriter(new NonClosing(stream), StandardCharsets.UTF_8), 1 << 16);
        List<SyntheticColumn> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(out, columns.get(i).name());
        }
        out.write("\r\n");
        RowGenerator rows = new RowGenerator(table, origin.seed(), origin.rows());
        while (rows.hasNext()) {
            Object[] row = rows.next();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                if (row[i] != null) {
                    field(out, text(columns.get(i), row[i]));
                }
            }
            out.write("\r\n");
        }
        out.flush();
    }

    static void parquet(SyntheticTable table, Origin origin, OutputStream out) throws IOException {
        ParquetOutput parquet = new ParquetOutput(
                out,
                table.columns().stream()
                        .map(c -> new ParquetOutput.Column(c.name(), c.type()))
                        .toList(),
                metadata(table, origin),
                ROWS_PER_GROUP);
        RowGenerator rows = new RowGenerator(table, origin.seed(), origin.rows());
        while (rows.hasNext()) {
            parquet.write(rows.next());
        }
        parquet.finish();
    }

    /** Every table as CSV and Parquet, and a README saying how the data were made. */
    static void zip(List<SyntheticTable> tables, List<String> notGenerated, Origin origin, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new NonClosing(out), StandardCharsets.UTF_8);
        zip.setComment(SyntheticData.STATEMENT);
        LocalDateTime stamp = origin.issued().atStartOfDay();
        entry(zip, "README.txt", stamp);
        zip.write(readme(tables, notGenerated, origin).getBytes(StandardCharsets.UTF_8));
        for (SyntheticTable table : tables) {
            entry(zip, table.name() + ".csv", stamp);
            csv(table, origin, zip);
            entry(zip, table.name() + ".parquet", stamp);
            parquet(table, origin, zip);
        }
        zip.finish();
        zip.flush();
    }

    private static void entry(ZipOutputStream zip, String name, LocalDateTime stamp) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(stamp);
        zip.putNextEntry(entry);
    }

    /** The Parquet key-value metadata: the statement, what it was made from, and the flagged columns. */
    static Map<String, String> metadata(SyntheticTable table, Origin origin) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("synthetic", "true");
        metadata.put("synthetic.statement", SyntheticData.STATEMENT);
        metadata.put("synthetic.dataset", origin.datasetId());
        metadata.put("synthetic.release", Integer.toString(origin.release()));
        metadata.put("synthetic.table", table.name());
        metadata.put("synthetic.seed", Long.toString(origin.seed()));
        metadata.put("synthetic.rows", Integer.toString(origin.rows()));
        metadata.put(
                "synthetic.flagged-columns",
                table.flagged().stream().map(c -> c.name() + ": " + c.note()).collect(Collectors.joining("\n")));
        return metadata;
    }

    static String readme(List<SyntheticTable> tables, List<String> notGenerated, Origin origin) {
        StringBuilder text = new StringBuilder();
        text.append("SYNTHETIC DATA - NOT REAL RECORDS\n\n")
                .append(origin.title())
                .append(" (")
                .append(origin.datasetId())
                .append("), release ")
                .append(origin.release())
                .append(" issued ")
                .append(origin.issued())
                .append("\nSeed ")
                .append(origin.seed())
                .append(", ")
                .append(origin.rows())
                .append(" rows per table. The same release, seed and rows always give the same files.\n\n")
                .append(SyntheticData.STATEMENT)
                .append("\n\nWhat is not realistic\n")
                .append("- Columns are independent of each other: no joint distributions, no correlations.\n")
                .append("- Codes are drawn uniformly from each lookup; real frequencies are not published.\n")
                .append("- Dates are uniform over the coverage period; events within a record are not in order.\n")
                .append("- Free text and columns without a published type are placeholder tokens.\n")
                .append("- Keys: in each dataset's first table with a key, every row is a new case, event or "
                        + "record (people and cases recur, with a few rows each); other tables pick those keys at random, so a "
                        + "key appears in them 0, 1 or several times. Linking tables point at the first keyed "
                        + "table of each dataset they name; download that dataset with the same seed and rows "
                        + "to join them.\n\n")
                .append("Each table comes as CSV (UTF-8, RFC 4180, empty field = null) and Parquet (its metadata "
                        + "repeats this statement).\n");
        for (SyntheticTable table : tables) {
            text.append("\nTable ").append(table.name()).append('\n');
            for (SyntheticColumn column : table.columns()) {
                text.append("- ")
                        .append(column.name())
                        .append(column.typeUnknown() ? " [type not published]" : "")
                        .append(": ")
                        .append(column.note())
                        .append('\n');
            }
            table.link()
                    .ifPresent(link -> link.targets()
                            .forEach((code, target) -> text.append("- rows with ")
                                    .append(table.columns()
                                            .get(link.codeColumn())
                                            .name())
                                    .append(" = ")
                                    .append(code)
                                    .append(" point at ")
                                    .append(target.datasetId())
                                    .append(' ')
                                    .append(target.table())
                                    .append('.')
                                    .append(target.column())
                                    .append('\n')));
        }
        if (!notGenerated.isEmpty()) {
            text.append("\nNot generated (the dictionary publishes no variables for them): ")
                    .append(String.join(", ", notGenerated))
                    .append('\n');
        }
        return text.toString();
    }

    private static String text(SyntheticColumn column, Object value) {
        if (value instanceof TemporalAccessor t) {
            return column.format().format(t);
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        return value.toString();
    }

    private static void field(Writer out, String value) throws IOException {
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    /** Keeps the caller's stream open when a writer over it is closed. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
