package org.datafirst.linkage.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.datafirst.linkage.engine.CsvHeader;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.ColumnReferences;
import org.datafirst.linkage.settings.InvalidSettingsException;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Dialect;
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

    public static long run(Engine db, LinkageSettings settings, List<InputSource> inputs) {
        return run(db, settings, null, inputs);
    }

    /**
     * Loads the inputs after checking, from their headers alone, that each has every column the
     * settings name; {@code settingsJson} (the settings as written, may be null) spells the JSON path
     * in the error ({@link InvalidSettingsException}).
     */
    public static long run(Engine db, LinkageSettings settings, JsonNode settingsJson, List<InputSource> inputs) {
        if (inputs.isEmpty()) {
            throw new InputDataException("no input files given");
        }
        List<ColumnReferences.Reference> refs = ColumnReferences.of(settings, settingsJson);
        for (InputSource in : inputs) {
            ColumnReferences.requireAll(refs, in.path().toString(), header(db, in));
        }
        List<List<String>> columns = new ArrayList<>();
        long offset = 0;
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            InputSource in = inputs.get(i);
            try {
                db.registerFile("__raw_" + i, in.path());
            } catch (PipelineException e) {
                throw new InputDataException(in.path() + ": " + describeReadError(e.getMessage()), e);
            }
            columns.add(db.columns("__raw_" + i));
            offsets.add(offset);
            offset += db.queryLong("SELECT count(*) FROM __raw_" + i);
        }
        // every input gets every input column (NULL where it has none), in one order, so the parts line up
        List<String> all = new ArrayList<>();
        for (List<String> cols : columns) {
            for (String c : cols) {
                String name = c.trim();
                if (!name.startsWith("__") && !all.contains(name)) {
                    all.add(name);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            parts.add(select(db.dialect(), settings, inputs.get(i), i, offsets.get(i), columns.get(i), all));
        }
        // __rid is the input's row number plus the rows of the inputs before it: dense, and no window function
        db.createTable(TABLE, String.join(" UNION ALL ", parts));
        for (int i = 0; i < inputs.size(); i++) {
            db.dropTable("__raw_" + i);
        }
        checkUniqueIds(db, inputs);
        return db.queryLong("SELECT count(*) FROM " + TABLE);
    }

    /** The column names of an input, read from its header (CSV) or schema (Parquet) without reading rows. */
    public static List<String> header(Engine db, InputSource in) {
        String file = in.path().toString();
        if (!Files.isRegularFile(in.path())) {
            throw new InputDataException(file + ": file not found");
        }
        if (!in.isParquet()) {
            return CsvHeader.read(in.path());
        }
        try {
            return db.fileColumns(in.path()).stream().map(String::trim).toList();
        } catch (PipelineException e) {
            throw new InputDataException(file + ": " + describeReadError(e.getMessage()), e);
        }
    }

    private static String select(
            Dialect d,
            LinkageSettings settings,
            InputSource in,
            int i,
            long offset,
            List<String> cols,
            List<String> allColumns) {
        String file = in.path().toString();
        List<String> trimmed = cols.stream().map(String::trim).toList();
        String sdCol = settings.sourceDatasetColumn();
        String row = d.fileRowNumber();
        StringBuilder select = new StringBuilder("SELECT CAST(" + row + " + " + offset + " AS BIGINT) AS __rid, ");
        int sdIndex = trimmed.indexOf(sdCol);
        select.append(
                        sdIndex >= 0
                                ? "coalesce(" + standard(Sql.ident(cols.get(sdIndex)), false) + ", "
                                        + Sql.text(in.name()) + ")"
                                : Sql.text(in.name()))
                .append(" AS __sd, ");
        String uid = Sql.ident(cols.get(indexIgnoringCase(trimmed, settings.uniqueIdColumn())));
        select.append(standard(uid, false)).append(" AS __uid, ");
        select.append("CAST(" + row + " + 1 AS BIGINT) AS __row, ")
                .append(Sql.text(file))
                .append(" AS __file");
        for (String name : allColumns) {
            int c = trimmed.indexOf(name);
            select.append(", ")
                    .append(
                            c < 0
                                    ? "CAST(NULL AS " + d.textType() + ")"
                                    : standard(
                                            "CAST(" + Sql.ident(cols.get(c)) + " AS " + d.textType() + ")",
                                            settings.lowercase()))
                    .append(" AS ")
                    .append(Sql.ident(name));
        }
        select.append(" FROM __raw_").append(i);
        return select.toString();
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

    private static void checkUniqueIds(Engine db, List<InputSource> inputs) {
        var missing = db.query("SELECT __file, __row FROM " + TABLE + " WHERE __uid IS NULL ORDER BY __rid LIMIT 1");
        if (!missing.isEmpty()) {
            throw new InputDataException(
                    missing.get(0).get(0) + ": row " + missing.get(0).get(1) + ": unique id is empty");
        }
        if (db.queryLong("SELECT count(*) FROM (SELECT __sd, __uid FROM " + TABLE
                        + " GROUP BY __sd, __uid HAVING count(*) > 1) d")
                == 0) {
            return;
        }
        var dup = db.query("SELECT __file, __row, __uid FROM (SELECT __file, __row, __uid, "
                + "row_number() OVER (PARTITION BY __sd, __uid ORDER BY __rid) AS k FROM " + TABLE + ") d WHERE k > 1 "
                + "ORDER BY __file, __row LIMIT 1");
        if (!dup.isEmpty()) {
            throw new InputDataException(
                    dup.get(0).get(0) + ": row " + dup.get(0).get(1) + ": unique id '"
                            + dup.get(0).get(2) + "' appears more than once in its source dataset");
        }
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
