package org.datafirst.linkage.sql;

/**
 * The SQL engine's function names and literal rules. Levels render their SQL through a dialect so
 * that the same settings run on every engine (DuckDB, Spark SQL).
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

    /** The type of text columns in CAST. */
    String textType();

    /** In a table registered from a file, the 0-based position of a row in the file. */
    String fileRowNumber();

    /** A Parquet file as a table in FROM, read where it lies (no row numbers; {@code Engine.registerFile} adds them). */
    String parquetFile(String path);

    /** Integer division of two integer expressions, rounding toward zero. */
    String integerDivide(String left, String right);

    /**
     * A seeded hash of an integer expression into 0 .. 2^32-1, computed alike on every engine (a sample drawn
     * with it holds the same records whatever the engine and thread count).
     */
    String hashBucket(String expression, long seed);

    /** SHA-256 of a text expression, as 64 lower-case hex digits. */
    String sha256(String expression);

    /** DuckDB, the default engine. */
    Dialect DUCKDB = new DuckDbDialect();

    /** Spark SQL. */
    Dialect SPARK = new SparkDialect();
}
