package org.datafirst.linkage.sql;

/**
 * The SQL engine's function names and literal rules. Levels render their SQL through a dialect so
 * that the same settings can later run on another engine (e.g. Spark SQL).
 */
public interface Dialect {

    String name();

    String jaroWinkler(String left, String right);

    String jaro(String left, String right);

    String levenshtein(String left, String right);

    String damerauLevenshtein(String left, String right);

    /** Whole units (day, month, year) between two DATE expressions, signed. */
    String dateDiff(String unit, String left, String right);

    /** Parses a text expression into a DATE with a strftime-style format; NULL when it does not parse. */
    String tryParseDate(String expression, String format);

    /** DuckDB, the engine used today. */
    Dialect DUCKDB = new DuckDbDialect();
}
