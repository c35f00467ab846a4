package org.datafirst.linkage.sql;

/**
 * Spark SQL. The string functions keep DuckDB's names: Spark's {@code levenshtein} is DuckDB's, and the Spark
 * engine registers the others ({@code jaro_similarity}, {@code jaro_winkler_similarity},
 * {@code damerau_levenshtein}) with DuckDB's results. Identifiers stay double-quoted: the engine sets {@code spark.sql.ansi.doubleQuotedIdentifiers}.
 */
final class SparkDialect extends DuckDbDialect {

    @Override
    public String name() {
        return "spark";
    }

    /** As DuckDB's {@code date_diff}: the unit boundaries crossed, not whole units elapsed. */
    @Override
    public String dateDiff(String unit, String left, String right) {
        return switch (unit) {
            case "day" -> "datediff(" + right + ", " + left + ")";
            case "month" ->
                "((year(" + right + ") * 12 + month(" + right + ")) - (year(" + left + ") * 12 + month(" + left + ")))";
            case "year" -> "(year(" + right + ") - year(" + left + "))";
            default -> throw new IllegalArgumentException("unknown date unit " + unit);
        };
    }

    @Override
    public String tryParseDate(String expression, String format) {
        if (format == null) {
            return "try_cast(" + expression + " AS DATE)";
        }
        return "try_strptime_date(" + expression + ", " + Sql.text(format) + ")";
    }

    @Override
    public String textType() {
        return "STRING";
    }

    @Override
    public String fileRowNumber() {
        return "__file_row";
    }

    @Override
    public String parquetFile(String path) {
        return "parquet.`" + path.replace("`", "``") + "`";
    }

    @Override
    public String integerDivide(String left, String right) {
        return "((" + left + ") div (" + right + "))";
    }

    @Override
    public String hashBucket(String expression, long seed) {
        return "duckdb_hash_bucket(CAST(" + expression + " AS BIGINT), CAST(" + seed + " AS BIGINT))";
    }

    @Override
    public String sha256(String expression) {
        return "sha2(" + expression + ", 256)";
    }
}
