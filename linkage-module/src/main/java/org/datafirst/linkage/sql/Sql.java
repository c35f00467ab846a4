package org.datafirst.linkage.sql;

/**
 * The one place where identifiers are quoted and literals are formatted. User-supplied text never
 * reaches SQL except through {@link #ident(String)} (double-quoted, quotes doubled) or
 * {@link #string(String)} (single-quoted, quotes doubled; used for file paths and date formats,
 * which DuckDB does not accept as bound parameters in COPY / table functions) or, in SQL both engines
 * run, {@link #text(String)}.
 */
public final class Sql {

    private Sql() {}

    /** Quotes an identifier: {@code first_name -> "first_name"}, {@code a"b -> "a""b"}. */
    public static String ident(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("identifier must not be empty");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier must not contain NUL");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code l."first_name"}: a column of the left or right record of a pair. */
    public static String col(String side, String column) {
        if (!side.equals("l") && !side.equals("r")) {
            throw new IllegalArgumentException("side must be l or r");
        }
        return side + "." + ident(column);
    }

    /** A string literal with single quotes doubled. */
    public static String string(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("string literal must not contain NUL");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * A string as an expression both engines read alike: a single-quoted literal, and where the value
     * holds a single quote, literals joined with {@code chr(39)} — Spark 4 reads a doubled quote as two
     * adjacent literals ({@code 'it''s'} is {@code its}), DuckDB as one quote. Backslashes stay as written
     * on both (SparkEngine sets spark.sql.parser.escapedStringLiterals).
     */
    public static String text(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("string literal must not contain NUL");
        }
        if (value.indexOf('\'') < 0) {
            return "'" + value + "'";
        }
        StringBuilder joined = new StringBuilder("(");
        String[] parts = value.split("'", -1);
        for (int i = 0; i < parts.length; i++) {
            joined.append(i == 0 ? "" : " || chr(39) || ").append('\'').append(parts[i]).append('\'');
        }
        return joined.append(')').toString();
    }

    /**
     * A finite double as a SQL DOUBLE literal (never user text), always with an exponent ({@code 0.92E0}): without
     * one, Spark reads the literal as a DECIMAL and would compute weights in decimal arithmetic.
     */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        String s = Double.toString(value);
        return s.indexOf('E') >= 0 ? s : s + "E0";
    }

    /** An integer literal. */
    public static String number(long value) {
        return Long.toString(value);
    }
}
