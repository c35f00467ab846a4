package org.datafirst.linkage.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.datafirst.linkage.settings.ColumnReferences;
import org.datafirst.linkage.settings.InvalidSettingsException;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Sql;

/**
 * Step "load and standardise": reads CSV (all columns as text) or Parquet into the table
 * {@code records}: {@code __rid} (0..n-1, dense), {@code __sd} (source dataset), {@code __uid}
 * (unique id as text), {@code __row} (data row number in its file, 1 = first row after the header)
 * and every input column, standardised (trimmed, empty strings as NULL, optionally lower-cased).
 */
public final class LoadStep {

    public static final String TABLE = "records";

    private LoadStep() {}

    public static long run(DuckDbSession db, LinkageSettings settings, List<InputSource> inputs) {
        return run(db, settings, null, inputs);
    }

    /**
     * Loads the inputs after checking, from their headers alone, that each has every column the
     * settings name; {@code settingsJson} (the settings as written, may be null) spells the JSON path
     * in the error ({@link InvalidSettingsException}).
     */
    public static long run(
            DuckDbSession db, LinkageSettings settings, JsonNode settingsJson, List<InputSource> inputs) {
        if (inputs.isEmpty()) {
            throw new InputDataException("no input files given");
        }
        List<ColumnReferences.Reference> refs = ColumnReferences.of(settings, settingsJson);
        for (InputSource in : inputs) {
            ColumnReferences.requireAll(refs, in.path().toString(), header(db, in));
        }
        List<String> parts = new ArrayList<>();
        long offset = 0;
        db.execute("SET preserve_insertion_order = true");
        for (int i = 0; i < inputs.size(); i++) {
            parts.add(loadOne(db, settings, inputs.get(i), i, offset));
            offset += db.queryLong("SELECT count(*) FROM __raw_" + i);
        }
        // __rid is the input's rowid plus the rows of the inputs before it: dense, and no window function
        db.execute("SET preserve_insertion_order = false");
        db.execute("CREATE OR REPLACE TABLE " + TABLE + " AS " + String.join(" UNION ALL BY NAME ", parts));
        for (int i = 0; i < inputs.size(); i++) {
            db.execute("DROP TABLE IF EXISTS __raw_" + i);
        }
        checkUniqueIds(db, inputs);
        return db.queryLong("SELECT count(*) FROM " + TABLE);
    }

    /** The column names of an input, read from its header (CSV) or schema (Parquet) without reading rows. */
    public static List<String> header(DuckDbSession db, InputSource in) {
        String file = in.path().toString();
        if (!Files.isRegularFile(in.path())) {
            throw new InputDataException(file + ": file not found");
        }
        if (!in.isParquet()) {
            return csvHeader(in);
        }
        try {
            return db.query("DESCRIBE SELECT * FROM read_parquet(" + Sql.string(file) + ")").stream()
                    .map(row -> ((String) row.get(0)).trim())
                    .toList();
        } catch (PipelineException e) {
            throw new InputDataException(file + ": " + describeReadError(e.getMessage()), e);
        }
    }

    private static String loadOne(DuckDbSession db, LinkageSettings settings, InputSource in, int i, long offset) {
        String file = in.path().toString();
        String reader = in.isParquet() ? "read_parquet(" + Sql.string(file) + ")" : csvReader(in);
        try {
            db.execute("CREATE OR REPLACE TEMP TABLE __raw_" + i + " AS SELECT * FROM " + reader);
        } catch (PipelineException e) {
            throw new InputDataException(file + ": " + describeReadError(e.getMessage()), e);
        }
        List<String> cols = db.columns("__raw_" + i);
        List<String> trimmed = cols.stream().map(String::trim).toList();
        String sdCol = settings.sourceDatasetColumn();
        StringBuilder select = new StringBuilder("SELECT (rowid + " + offset + ")::BIGINT AS __rid, ");
        int sdIndex = trimmed.indexOf(sdCol);
        select.append(
                        sdIndex >= 0
                                ? "coalesce(" + standard(Sql.ident(cols.get(sdIndex)), false) + ", "
                                        + Sql.string(in.name()) + ")"
                                : Sql.string(in.name()))
                .append(" AS __sd, ");
        String uid = Sql.ident(cols.get(indexIgnoringCase(trimmed, settings.uniqueIdColumn())));
        select.append(standard(uid, false)).append(" AS __uid, ");
        select.append("(rowid + 1)::BIGINT AS __row, ").append(Sql.string(file)).append(" AS __file");
        for (int c = 0; c < cols.size(); c++) {
            if (trimmed.get(c).startsWith("__")) {
                continue;
            }
            select.append(", ")
                    .append(standard("CAST(" + Sql.ident(cols.get(c)) + " AS VARCHAR)", settings.lowercase()))
                    .append(" AS ")
                    .append(Sql.ident(trimmed.get(c)));
        }
        select.append(" FROM __raw_").append(i);
        return "(" + select + ")";
    }

    private static int indexIgnoringCase(List<String> names, String name) {
        for (int c = 0; c < names.size(); c++) {
            if (names.get(c).equalsIgnoreCase(name)) {
                return c;
            }
        }
        return -1;
    }

    private static String standard(String expr, boolean lowercase) {
        String e = "nullif(trim(" + expr + "), '')";
        return lowercase ? "lower(" + e + ")" : e;
    }

    private static void checkUniqueIds(DuckDbSession db, List<InputSource> inputs) {
        var missing = db.query("SELECT __file, __row FROM " + TABLE + " WHERE __uid IS NULL ORDER BY __rid LIMIT 1");
        if (!missing.isEmpty()) {
            throw new InputDataException(
                    missing.get(0).get(0) + ": row " + missing.get(0).get(1) + ": unique id is empty");
        }
        if (db.queryLong("SELECT count(*) - count(DISTINCT (__sd, __uid)) FROM " + TABLE) == 0) {
            return;
        }
        var dup = db.query("SELECT __file, __row, __uid FROM (SELECT __file, __row, __uid, "
                + "row_number() OVER (PARTITION BY __sd, __uid ORDER BY __rid) AS k FROM " + TABLE + ") WHERE k > 1 "
                + "ORDER BY __file, __row LIMIT 1");
        if (!dup.isEmpty()) {
            throw new InputDataException(
                    dup.get(0).get(0) + ": row " + dup.get(0).get(1) + ": unique id '"
                            + dup.get(0).get(2) + "' appears more than once in its source dataset");
        }
    }

    /**
     * A CSV reader with the header taken from the file's first line, every column as text and no
     * dialect sniffing: a malformed row is then reported by its line instead of confusing the sniffer.
     */
    static String csvReader(InputSource in) {
        StringBuilder cols = new StringBuilder("{");
        List<String> names = csvHeader(in);
        for (int c = 0; c < names.size(); c++) {
            cols.append(c == 0 ? "" : ", ").append(Sql.string(names.get(c))).append(": 'VARCHAR'");
        }
        cols.append('}');
        return "read_csv(" + Sql.string(in.path().toString()) + ", header = true, auto_detect = false, delim = ',',"
                + " quote = '\"', escape = '\"', columns = " + cols + ")";
    }

    /** The trimmed column names of a CSV file's first line; empty or repeated names are refused. */
    static List<String> csvHeader(InputSource in) {
        String header;
        try (var r = Files.newBufferedReader(in.path(), java.nio.charset.StandardCharsets.UTF_8)) {
            header = r.readLine();
        } catch (java.io.IOException e) {
            throw new InputDataException(in.path() + ": cannot be read: " + e.getMessage(), e);
        }
        if (header == null || header.isBlank()) {
            throw new InputDataException(in.path() + ": empty file (a header line is required)");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String raw : splitHeader(header)) {
            String name = raw.trim();
            if (name.isEmpty() || !seen.add(name)) {
                throw new InputDataException(in.path() + ": row 0 (header), column " + (names.size() + 1) + ": "
                        + (name.isEmpty() ? "empty column name" : "duplicate column name '" + name + "'"));
            }
            names.add(name);
        }
        return names;
    }

    /** Splits a CSV header line on commas outside double quotes. */
    static List<String> splitHeader(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char ch = line.charAt(k);
            if (ch == '"') {
                if (quoted && k + 1 < line.length() && line.charAt(k + 1) == '"') {
                    cur.append('"');
                    k++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("(?i)line:?\\s*(\\d+)");

    /** DuckDB's CSV error, as "row N: reason" where it names a line (line 1 is the header, so row = line - 1). */
    static String describeReadError(String message) {
        String m = message == null ? "unreadable" : message;
        java.util.regex.Matcher line = LINE.matcher(m);
        String reason = m.lines()
                .map(String::trim)
                .filter(x -> !x.isEmpty() && !x.contains("CSV Error on Line") && !x.startsWith("Original Line"))
                .findFirst()
                .orElse(m.lines().findFirst().orElse(m));
        java.util.regex.Matcher expected = java.util.regex.Pattern.compile(
                        "Expected Number of Columns: (\\d+) Found: (\\d+)")
                .matcher(m);
        if (expected.find()) {
            reason = "expected " + expected.group(1) + " columns, found " + expected.group(2);
        }
        reason = reason.replaceFirst("^(Invalid Input Error|Conversion Error|IO Error): ", "");
        return line.find() ? "row " + (Long.parseLong(line.group(1)) - 1) + ": " + reason : reason;
    }

    static String firstLine(String message) {
        String m = message == null ? "unreadable" : message;
        return m.lines().map(String::trim).filter(s -> !s.isEmpty()).limit(3).collect(Collectors.joining(" "));
    }
}
